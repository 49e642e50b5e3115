/**
 * The one GraphQL document the suite sends to GoAlert. GoAlert's API keys are bound to a fixed
 * query document (Admin > API Keys: the key works only with that exact text, which its token
 * embeds a hash of), so every call sends this document and picks one of its operations by
 * `operationName`. Create the key with the text of {@link GOALERT_QUERY_DOCUMENT}, role `user`
 *.
 * Field names are GoAlert's `graphql2/schema.graphql`; a step's `targets` is marked deprecated
 * there in favour of `actions` but still served, and it is the field that names schedules and
 * rotations.
 */

/**
 * The GraphQL document of the GoAlert API key, byte for byte.
 *
 * @public
 */
export const GOALERT_QUERY_DOCUMENT = `query ReliabilityService($id: ID!) {
  service(id: $id) {
    id
    name
    escalationPolicy {
      id
      name
      repeat
      steps {
        stepNumber
        delayMinutes
        targets {
          id
          type
          name
        }
      }
    }
    onCallUsers {
      userID
      userName
      stepNumber
    }
  }
}

query ReliabilityScheduleShifts(
  $id: ID!
  $start: ISOTimestamp!
  $end: ISOTimestamp!
) {
  schedule(id: $id) {
    id
    name
    timeZone
    shifts(start: $start, end: $end) {
      userID
      user {
        id
        name
        email
      }
      start
      end
      truncated
    }
  }
}

query ReliabilityAlerts($input: AlertSearchOptions) {
  alerts(input: $input) {
    nodes {
      id
      alertID
      status
      summary
      createdAt
      serviceID
      metrics {
        closedAt
        timeToAck
        timeToClose
      }
      recentEvents(input: { limit: 50 }) {
        nodes {
          timestamp
          message
        }
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
`;

/** @internal */
export interface GoAlertTarget {
  id: string;
  type: string;
  name: string;
}

/** @internal */
export interface GoAlertService {
  id: string;
  name: string;
  escalationPolicy: {
    id: string;
    name: string;
    repeat: number;
    steps: Array<{
      stepNumber: number;
      delayMinutes: number;
      targets: GoAlertTarget[];
    }>;
  } | null;
  onCallUsers: Array<{ userID: string; userName: string; stepNumber: number }>;
}

/** @internal */
export interface GoAlertShift {
  userID: string;
  user: { id: string; name: string; email: string } | null;
  start: string;
  end: string;
  truncated: boolean;
}

/** @internal */
export interface GoAlertSchedule {
  id: string;
  name: string;
  timeZone: string;
  shifts: GoAlertShift[];
}

/** @internal */
export interface GoAlertAlert {
  id: string;
  alertID: number;
  status: 'StatusAcknowledged' | 'StatusClosed' | 'StatusUnacknowledged';
  summary: string;
  createdAt: string;
  serviceID: string;
  metrics: { closedAt: string; timeToAck: string; timeToClose: string } | null;
  recentEvents: { nodes: Array<{ timestamp: string; message: string }> };
}

/** @internal */
export interface GoAlertAlertPage {
  nodes: GoAlertAlert[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
