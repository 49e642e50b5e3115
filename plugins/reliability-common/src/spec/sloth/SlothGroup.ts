import type { SlothSloPlugins } from './schema';

/**
 * Labels and annotations of one alert severity, as written.
 *
 * @internal
 */
export interface SlothAlertInput {
  disable?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * One Sloth SLO, with the same field names whichever of the two formats it was written in.
 *
 * @internal
 */
export interface SlothSloInput {
  name: string;
  description?: string;
  objective: number;
  labels?: Record<string, string>;
  plugins?: SlothSloPlugins;
  sli: {
    events?: { errorQuery: string; totalQuery: string };
    raw?: { errorRatioQuery: string };
    plugin?: { id: string };
  };
  alerting?: {
    name?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    page?: SlothAlertInput;
    ticket?: SlothAlertInput;
  };
}

/**
 * A Sloth SLO group (one service and its SLOs), whichever format it was written in.
 *
 * @internal
 */
export interface SlothGroupInput {
  service: string;
  labels?: Record<string, string>;
  sloPlugins?: SlothSloPlugins;
  slos: SlothSloInput[];
}

/**
 * The fields whose names differ between the formats, as written, for problem paths.
 *
 * @internal
 */
export interface SlothFieldNames {
  errorQuery: string;
  totalQuery: string;
  errorRatioQuery: string;
  page: string;
  ticket: string;
  sloPlugins: string;
}

/** `prometheus/v1` names. @internal */
export const PROMETHEUS_V1_FIELDS: SlothFieldNames = {
  errorQuery: 'error_query',
  totalQuery: 'total_query',
  errorRatioQuery: 'error_ratio_query',
  page: 'page_alert',
  ticket: 'ticket_alert',
  sloPlugins: 'slo_plugins',
};

/** `PrometheusServiceLevel` names. @internal */
export const KUBERNETES_FIELDS: SlothFieldNames = {
  errorQuery: 'errorQuery',
  totalQuery: 'totalQuery',
  errorRatioQuery: 'errorRatioQuery',
  page: 'pageAlert',
  ticket: 'ticketAlert',
  sloPlugins: 'sloPlugins',
};
