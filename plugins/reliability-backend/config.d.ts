import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Reliability suite. Every key is optional. */
  reliability?: {
    /** How SLO files are read from the catalog's entities. */
    catalog?: {
      /**
       * How often every entity's SLO files are read again. Default: 5 minutes.
       */
      refreshFrequency?: HumanDuration | string;
      /** How long one refresh of every entity may take before it is abandoned. Default: 10 minutes. */
      refreshTimeout?: HumanDuration | string;
    };

    /** The scheduled evaluation of every SLO's error budget. */
    evaluation?: {
      /** How often SLOs are evaluated. Default: 1 minute. */
      frequency?: HumanDuration | string;
      /** How long one evaluation cycle may take before it is abandoned. Default: 5 minutes. */
      timeout?: HumanDuration | string;
      /**
       * Error budget policy thresholds. Defaults: warning under 25% remaining or a 1-day burn
       * rate above 2; exhausted at 0% remaining.
       */
      policy?: {
        /** Warning when less than this share of the budget remains, in percent. Default: 25. */
        warningRemainingPercent?: number;
        /** Warning when the 1-day burn rate is above this. Default: 2. */
        warningBurnRate1d?: number;
      };
      /** SLI requests in flight per source, for sources that fetch SLO by SLO. Default: 8. */
      concurrency?: number;
      /**
       * Longest wait between attempts of an SLO whose source fails; the wait doubles every cycle
       * that fails, up to this. Default: 15 minutes.
       */
      maxRetryDelay?: HumanDuration | string;
      /** At most one history point per SLO and this interval, for charts. Default: 5 minutes. */
      historyInterval?: HumanDuration | string;
      /** How long history points are kept. Default: 90 days. */
      historyRetention?: HumanDuration | string;
      /** The period of SLOs that declare none (Sloth files). Default: 30 days. */
      defaultPeriod?: HumanDuration | string;
    };

    /** Prometheus-compatible HTTP APIs (Prometheus, Thanos, Mimir, VictoriaMetrics). */
    prometheus?: {
      /** Name of the instance SLOs use when their SLI names none. Default: the first. */
      defaultInstance?: string;
      instances?: Array<{
        /** Name SLOs refer to in their data source. */
        name: string;
        /** Base URL of the HTTP API, e.g. http://prometheus:9090 */
        baseUrl: string;
        /**
         * Extra request headers, e.g. Authorization or X-Scope-OrgID.
         * @deepVisibility secret
         */
        headers?: { [name: string]: string };
      }>;
    };

    /** SLI events pushed to `POST /api/reliability/slos/{sloId}/events`. */
    push?: {
      /** How long minute buckets are kept before they are rolled up to hours. Default: 7 days. */
      minuteRetention?: HumanDuration | string;
      /** How long hour buckets are kept. Default: 400 days. */
      hourRetention?: HumanDuration | string;
    };

    /** Synthetic HTTP probes declared by SLOs. */
    probes?: {
      /**
       * Hosts that may be probed, as exact names or `*.example.com` patterns. Default: none, so
       * no probe runs until hosts are allowed.
       */
      allowedHosts?: string[];
      /**
       * Allow probes of loopback, link-local and private addresses (10/8, 172.16/12,
       * 192.168/16, fc00::/7, …). Default: false, to prevent server-side request forgery.
       */
      allowPrivateNetworks?: boolean;
      /** Timeout of one probe request. Default: 10 seconds. */
      timeout?: HumanDuration | string;
    };

    /** Runbooks of catalog entities: links, the reliability/runbook annotation and SLO alert annotations. */
    runbooks?: {
      /**
       * Hosts whose runbook pages may be checked, in addition to reliability.probes.allowedHosts, as
       * exact names or `*.example.com` patterns. Private addresses stay refused unless
       * reliability.probes.allowPrivateNetworks is set. Runbooks an SCM integration serves are read
       * through the integration and need no entry here. Default: none.
       */
      allowedHosts?: string[];
      /** Timeout of one runbook check, redirects included. Default: 10 seconds. */
      timeout?: HumanDuration | string;
      /** How often the scheduled task checks every entity's runbooks. Default: 1 hour. */
      checkFrequency?: HumanDuration | string;
    };

    /**
     * The Alertmanager webhook receiver, `POST /api/reliability/alerts/alertmanager`. Absent
     * webhookToken: the route answers 404.
     */
    alertmanager?: {
      /**
       * Bearer token Alertmanager sends (`http_config.authorization.credentials` of the webhook
       * receiver); at least 16 characters.
       * @visibility secret
       */
      webhookToken?: string;
      /** The label holding the alert's entity ref. Default: `backstage_entity`. */
      entityLabel?: string;
      /**
       * Further ways to map alerts to entities: the value of `label` is looked up as the value of
       * the catalog annotation `annotation`. Tried in order after `entityLabel`. Default: none.
       */
      entityMatchers?: Array<{ label: string; annotation: string }>;
      /**
       * Alerts that page a person (high urgency); others are tickets. Default:
       * `sloth_severity` in [page], or `severity` in [critical, page].
       */
      pageWhen?: Array<{ label: string; values: string[] }>;
    };

    /**
     * PagerDuty, for on-call answers and incident pulls. Absent: PagerDuty is not used.
     * Either one account (apiToken, apiBaseUrl, eventsBaseUrl) or `accounts`, not both.
     */
    pagerduty?: {
      /**
       * REST API key of the single account (read access is enough).
       * @visibility secret
       */
      apiToken?: string;
      /** REST API base URL. Default: https://api.pagerduty.com (EU: https://api.eu.pagerduty.com). */
      apiBaseUrl?: string;
      /** Events API base URL. Default: https://events.pagerduty.com/v2. Read, not used yet. */
      eventsBaseUrl?: string;
      /** Several accounts; entities choose one with the `pagerduty.com/account` annotation. */
      accounts?: Array<{
        /** The name `pagerduty.com/account` refers to. */
        id: string;
        /**
         * REST API key of this account.
         * @visibility secret
         */
        apiToken: string;
        /** Default: https://api.pagerduty.com */
        apiBaseUrl?: string;
        /** Default: https://events.pagerduty.com/v2 */
        eventsBaseUrl?: string;
        /** The account of entities without `pagerduty.com/account`. Default: the first account. */
        isDefault?: boolean;
      }>;
    };

    /** Opsgenie: on-call provider and alert source. Absent: neither is registered. */
    opsgenie?: {
      /**
       * Key of an Opsgenie API integration (sent as `Authorization: GenieKey <key>`); it needs
       * read access to teams, schedules, escalations and alerts.
       * @visibility secret
       */
      apiKey: string;
      /** Which Opsgenie instance: `us` (https://api.opsgenie.com) or `eu` (https://api.eu.opsgenie.com). Default: us. */
      region?: 'us' | 'eu';
      /** Base URL of the REST API, e.g. a proxy; overrides `region`. Default: the region's URL. */
      apiUrl?: string;
      /**
       * The account's web UI, as its subdomain (`acme` for https://acme.app.opsgenie.com, completed
       * for the region) or a full URL. Default: none, so answers carry no links.
       */
      domain?: string;
    };

    /**
     * Production-readiness scorecards, as a list; see the Scorecards section of the common
     * README. A broken scorecard is logged with its key path and skipped. Default: none.
     */
    scorecards?: Array<{
      /** Unique kebab-case id, e.g. `production-readiness`. */
      id: string;
      title: string;
      description?: string;
      /** Which entities it is for; each field lists allowed values (case-insensitive). Default: all. */
      appliesTo?: {
        kind?: string[];
        /** spec.type */
        type?: string[];
        /** spec.lifecycle */
        lifecycle?: string[];
        /** 1–4 or `tier-1`–`tier-4`. */
        tier?: Array<number | string>;
        namespace?: string[];
        /** Owner refs; `payments` means `group:default/payments`. */
        owner?: string[];
        /** System refs; `shop` means `system:default/shop`. */
        system?: string[];
      };
      /** Lowest level first, e.g. Bronze, Silver, Gold. */
      levels: Array<{
        name: string;
        description?: string;
        checks: Array<{
          /** Built-in or custom check id, e.g. `runbook-fresh`. */
          check: string;
          /** Unique within the scorecard; default: the check id. Needed to use a check twice. */
          id?: string;
          title?: string;
          /** Params of the check, validated by the check, e.g. `{ days: 90 }`. */
          params?: { [key: string]: any };
          remediation?: string;
          docsUrl?: string;
        }>;
      }>;
    }>;
    /**
     * YAML files of scorecards (a list, or a mapping with `scorecards`), relative to the
     * backend's working directory; read like `scorecardLocations`. Default: none.
     */
    scorecardFiles?: string[];
    /**
     * Scorecards as code, outside app-config: YAML files (a list of scorecards, or a mapping with
     * `scorecards`) at local paths (relative to the backend's working directory) or URLs read
     * through the UrlReader (any SCM integration; other hosts need `backend.reading.allow`).
     * Read at startup and again on `scorecardReload`; a file with an error keeps serving its
     * previous definitions, and the error (file, line, key path) is logged and shown on the
     * review page. Default: none.
     */
    scorecardLocations?: string[];
    /** How often the scorecard files are read again (task reliability-reload-scorecards, on every replica). */
    scorecardReload?: {
      /** Seconds between reads, at least 5. Default: 60. */
      frequencySeconds?: number;
    };
    /** The exemption workflow: owners request, approvers (reliability.exemption.approve) decide. */
    exemptions?: {
      /** The longest an exemption may last, e.g. `{ days: 90 }` or `'90d'`. Default: 90 days. */
      maxDuration?: HumanDuration | string;
      /** How long before expiry the owner is reminded, once. Default: 7 days. */
      remindBefore?: HumanDuration | string;
    };
    /**
     * Schedule of the task reliability-evaluate-scorecards. Default: every hour, 30-minute
     * timeout, first run 2 minutes after start; global across replicas.
     */
    scorecardSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /**
     * Jira Service Management operations (the successor of Opsgenie) as on-call provider for
     * entities annotated `jsm.atlassian.com/team-id`, and as alert source for entities annotated
     * `jsm.atlassian.com/alert-query` or with their Opsgenie annotations. Default: not used.
     */
    jsm?: {
      /** The site's cloud id, from https://<site>.atlassian.net/_edge/tenant_info. */
      cloudId: string;
      /** The Atlassian account the API token belongs to. */
      email: string;
      /**
       * An API token of that account (id.atlassian.com > Security > API tokens), sent with the
       * email as Basic authentication; the account needs access to the teams' operations.
       * @visibility secret
       */
      apiToken: string;
      /** Origin of the API gateway, e.g. a proxy. Default: https://api.atlassian.com. */
      apiUrl?: string;
    };

    /**
     * The SLO gauges served through Backstage's metrics service (OpenTelemetry), e.g. to a
     * Prometheus exporter; see the README's "Metrics".
     */
    metrics?: {
      /**
       * How often each replica asks the on-call providers who is on call now, for
       * `reliability_oncall_covered`. Default: 5 minutes.
       */
      onCallCoverageFrequency?: HumanDuration | string;
    };

    /**
     * The monthly reliability report digest, sent through Backstage notifications on the first
     * hourly run of each month for the month that ended. Default: no digest.
     */
    monthlyDigest?: {
      /** The groups that get it, e.g. `group:default/payments`. */
      owners?: string[];
    };

    /**
     * GoAlert as on-call provider and alert source for entities annotated
     * `goalert.me/service-id`. Default: not used.
     */
    goalert?: {
      /** Address of the GoAlert instance, e.g. https://goalert.example.com. */
      baseUrl: string;
      /**
       * A GraphQL API key (Admin > API Keys, role user) created with the query document of the
       * backend README; GoAlert accepts a key only with the document it was created with.
       * @visibility secret
       */
      apiKey: string;
      /** Origin of GoAlert's web UI for links, when it differs. Default: `baseUrl`. */
      webUrl?: string;
    };
    /**
     * The release gate (`GET /api/reliability/gate/...`): the release policy of every entity, per
     * tier, and Flagger's webhook. Entities override it with the `reliability/release-policy`
     * annotation. Every field of a policy is optional; see the backend README.
     */
    release?: {
      /** The policy of every entity, over the built-in defaults. */
      policy?: ReleasePolicyConfig;
      /** Per tier (`1` to `4`, as `reliability/tier` writes them), over `policy`. */
      tiers?: { [tier: string]: ReleasePolicyConfig };
      /** The longest override a person may grant, in days. Default 30. */
      maxOverrideDays?: number;
      /** Flagger's webhook, `POST /api/reliability/gate/flagger`. Absent token: it answers 404. */
      flagger?: {
        /**
         * The token Flagger sends in the webhook's metadata (`token`); Flagger sends no headers.
         * @visibility secret
         */
        webhookToken?: string;
      };
    };
  };
}

/** A release policy as configuration writes it; every field defaults to the layer below. */
interface ReleasePolicyConfig {
  /** SLO ids or names the budget rules look at. Default: all of the entity's. */
  slos?: string[];
  /** Block when a budget is spent. Default true. */
  blockWhenBudgetExhausted?: boolean;
  /** Block while a page-level burn-rate alert fires. Default true. */
  blockWhenPageAlertFiring?: boolean;
  /** Remaining budget at or below which it counts as spent: 0.05 or "5%". Default 0. */
  exhaustedAtOrBelow?: number | string;
  /** Warn under this share of the budget: 0.25 or "25%". Default 0.25. */
  warnWhenRemainingBelow?: number | string;
  /** What an SLO without data does. Default warn. */
  onUnknownData?: 'allow' | 'warn' | 'block';
  /** What an SLO with stale data does. Default warn. */
  onStaleData?: 'allow' | 'warn' | 'block';
  /** Release kinds that pass a budget block, e.g. fix. Default none. */
  allowDuringBlock?: string[];
  /** Freeze windows. Default none. */
  freezes?: Array<{
    name: string;
    /** `YYYY-MM-DD[THH:mm]`, or `MM-DD[THH:mm]` with `every: year`. */
    start: string;
    end: string;
    /** IANA time zone. Default UTC. */
    timeZone?: string;
    every?: 'year';
    /** Release kinds that may go out during the freeze. */
    allow?: string[];
  }>;
}
