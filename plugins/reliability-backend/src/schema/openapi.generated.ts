// GENERATED from openapi.yaml by scripts/openapi-spec-module.mjs: do not edit.
// Run `yarn generate` in the package after changing the YAML.

/** @internal */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'reliability',
    version: '1',
    description:
      "The Reliability suite's API: SLOs, error budgets, burn rates and alert states of catalog entities. Every route but /health requires a user or service credential; users see only SLOs of entities the catalog lets them read.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[A-Za-z][A-Za-z0-9-]*$',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[a-z0-9]+(?:[-_.][a-z0-9]+)*$',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 253,
        },
      },
      sloId: {
        name: 'sloId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 255,
        },
      },
      from: {
        name: 'from',
        in: 'query',
        description:
          'Start of the period: an RFC 3339 / ISO 8601 date (midnight UTC) or date-time with its offset, from 1970 to 9999. Default 30 days before `to`.',
        schema: {
          type: 'string',
          maxLength: 64,
        },
      },
      to: {
        name: 'to',
        in: 'query',
        description:
          'End of the period: an RFC 3339 / ISO 8601 date (midnight UTC) or date-time with its offset, from 1970 to 9999. Default now.',
        schema: {
          type: 'string',
          maxLength: 64,
        },
      },
      owner: {
        name: 'owner',
        in: 'query',
        required: true,
        description: 'A group or user entity ref, e.g. group:default/payments.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 512,
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
        required: ['error'],
      },
      SpecProblem: {
        type: 'object',
        properties: {
          file: {
            type: 'string',
          },
          line: {
            type: 'number',
          },
          column: {
            type: 'number',
          },
          path: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          severity: {
            type: 'string',
            enum: ['error', 'warning'],
          },
        },
        required: ['file', 'line', 'column', 'path', 'message', 'severity'],
      },
      LoadError: {
        type: 'object',
        additionalProperties: false,
        description: "A problem met reading an entity's SLO files.",
        properties: {
          kind: {
            type: 'string',
            enum: ['location', 'read', 'validation', 'conflict'],
          },
          file: {
            type: 'string',
          },
          line: {
            type: 'number',
          },
          column: {
            type: 'number',
          },
          path: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          severity: {
            type: 'string',
            enum: ['error', 'warning'],
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'kind',
          'file',
          'line',
          'column',
          'path',
          'message',
          'severity',
          'at',
        ],
      },
      TimeWindow: {
        type: 'object',
        additionalProperties: false,
        description:
          'Rolling (duration) or calendar (count, unit, startTime, timeZone).',
        properties: {
          type: {
            type: 'string',
            enum: ['rolling', 'calendar'],
          },
          duration: {
            type: 'string',
          },
          durationMs: {
            type: 'number',
          },
          count: {
            type: 'number',
          },
          unit: {
            type: 'string',
            enum: ['Day', 'Week', 'Month', 'Quarter', 'Year'],
          },
          startTime: {
            type: 'string',
          },
          timeZone: {
            type: 'string',
          },
        },
        required: ['type'],
      },
      SloStatus: {
        type: 'object',
        additionalProperties: false,
        description:
          'The latest evaluation. Unknown values (no traffic, no data) are null, never 0 or 1.',
        properties: {
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          valuesAt: {
            type: 'string',
            nullable: true,
          },
          lastSuccessAt: {
            type: 'string',
            nullable: true,
          },
          staleSince: {
            type: 'string',
            nullable: true,
            description:
              'Set while the values are the last good ones because attempts fail',
          },
          stale: {
            type: 'boolean',
          },
          error: {
            type: 'string',
            nullable: true,
          },
          nextAttemptAt: {
            type: 'string',
            nullable: true,
          },
          sli: {
            type: 'number',
            nullable: true,
          },
          sliStatus: {
            type: 'string',
            nullable: true,
            enum: ['measured', 'no-traffic', 'no-data'],
          },
          coverage: {
            type: 'number',
            nullable: true,
          },
          budget: {
            type: 'object',
            nullable: true,
            additionalProperties: false,
            properties: {
              target: {
                type: 'number',
              },
              errorBudget: {
                type: 'number',
                description: '1 - target',
              },
              remaining: {
                type: 'number',
                nullable: true,
                description:
                  'Share of the budget left; 1 is untouched, below 0 is overspent',
              },
              consumed: {
                type: 'number',
                nullable: true,
              },
              periodStart: {
                type: 'string',
              },
              periodEnd: {
                type: 'string',
              },
            },
            required: [
              'target',
              'errorBudget',
              'remaining',
              'consumed',
              'periodStart',
              'periodEnd',
            ],
          },
          burnRates: {
            type: 'array',
            description:
              'Error ratio over the window divided by the error budget, shortest window first.',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                window: {
                  type: 'string',
                },
                windowMs: {
                  type: 'number',
                },
                burnRate: {
                  type: 'number',
                  nullable: true,
                },
              },
              required: ['window', 'windowMs', 'burnRate'],
            },
          },
          alerts: {
            type: 'object',
            nullable: true,
            additionalProperties: false,
            properties: {
              page: {
                type: 'string',
                enum: ['firing', 'ok', 'unknown'],
              },
              ticket: {
                type: 'string',
                enum: ['firing', 'ok', 'unknown'],
              },
              severity: {
                type: 'string',
                enum: ['page', 'ticket', 'none'],
              },
            },
            required: ['page', 'ticket', 'severity'],
          },
          policy: {
            type: 'object',
            additionalProperties: false,
            properties: {
              state: {
                type: 'string',
                enum: ['healthy', 'warning', 'exhausted', 'unknown'],
              },
              reason: {
                type: 'string',
              },
            },
            required: ['state', 'reason'],
          },
          forecast: {
            type: 'object',
            nullable: true,
            additionalProperties: false,
            properties: {
              status: {
                type: 'string',
                enum: ['exhausted', 'burning', 'not-burning', 'unknown'],
              },
              timeToExhaustionMs: {
                type: 'number',
                nullable: true,
              },
              exhaustionAt: {
                type: 'string',
                nullable: true,
              },
            },
            required: ['status', 'timeToExhaustionMs', 'exhaustionAt'],
          },
        },
        required: ['evaluatedAt', 'stale', 'burnRates', 'policy'],
      },
      Slo: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          service: {
            type: 'string',
          },
          displayName: {
            type: 'string',
            nullable: true,
          },
          description: {
            type: 'string',
            nullable: true,
          },
          owner: {
            type: 'string',
            nullable: true,
          },
          tier: {
            type: 'string',
            nullable: true,
          },
          sourceType: {
            type: 'string',
            nullable: true,
          },
          sourceFile: {
            type: 'string',
          },
          format: {
            type: 'string',
          },
          budgetingMethod: {
            type: 'string',
          },
          objective: {
            type: 'object',
            additionalProperties: false,
            properties: {
              target: {
                type: 'number',
              },
              targetPercent: {
                type: 'number',
              },
              displayName: {
                type: 'string',
                nullable: true,
              },
              timeSliceTarget: {
                type: 'number',
                nullable: true,
              },
              timeSliceWindowMs: {
                type: 'number',
                nullable: true,
              },
            },
            required: ['target', 'targetPercent'],
          },
          timeWindow: {
            anyOf: [
              {
                $ref: '#/components/schemas/TimeWindow',
              },
              {
                type: 'object',
                nullable: true,
                enum: [null],
              },
            ],
          },
          status: {
            anyOf: [
              {
                $ref: '#/components/schemas/SloStatus',
              },
              {
                type: 'object',
                nullable: true,
                enum: [null],
              },
            ],
          },
          budgetAdjustments: {
            type: 'array',
            description:
              "Budget adjustments declared in the SLO's files (OpenSLO v2alpha BudgetAdjustment); those declared through the API are listed by /slos/{sloId}/budget-adjustments.",
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                id: {
                  type: 'string',
                },
                source: {
                  type: 'string',
                  enum: ['file', 'api'],
                },
                name: {
                  type: 'string',
                },
                displayName: {
                  type: 'string',
                  nullable: true,
                },
                description: {
                  type: 'string',
                  nullable: true,
                },
                firstEventStart: {
                  type: 'string',
                  format: 'date-time',
                },
                durationMs: {
                  type: 'number',
                },
                rrule: {
                  type: 'string',
                  nullable: true,
                },
                location: {
                  type: 'object',
                  nullable: true,
                  properties: {
                    file: {
                      type: 'string',
                    },
                    line: {
                      type: 'number',
                    },
                    column: {
                      type: 'number',
                    },
                    path: {
                      type: 'string',
                    },
                  },
                },
              },
              required: [
                'id',
                'source',
                'name',
                'firstEventStart',
                'durationMs',
              ],
            },
          },
        },
        required: ['id', 'entityRef', 'name', 'service', 'objective', 'status'],
      },
      EntitySlos: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          loaded: {
            type: 'boolean',
            description:
              "Whether the entity's SLO files were read at least once",
          },
          lastAttemptAt: {
            type: 'string',
            nullable: true,
          },
          lastSuccessAt: {
            type: 'string',
            nullable: true,
          },
          errors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LoadError',
            },
          },
          slos: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Slo',
            },
          },
        },
        required: ['entityRef', 'loaded', 'errors', 'slos'],
      },
      HistoryPoint: {
        type: 'object',
        additionalProperties: false,
        properties: {
          time: {
            type: 'string',
            format: 'date-time',
            description: 'End of the step, the instant the values describe.',
          },
          sli: {
            type: 'number',
            nullable: true,
            description: 'SLI of the SLO window as it stood at `time`.',
          },
          stepSli: {
            type: 'number',
            nullable: true,
            description:
              'SLI of the step alone; null when the history is read from past evaluations.',
          },
          budgetRemaining: {
            type: 'number',
            nullable: true,
            description:
              'Remaining error budget of the SLO window at `time` (the burn-down); may be negative.',
          },
          burnRates: {
            type: 'object',
            description:
              'Burn rate per window name, e.g. {"5m": 0.4, "1h": null}',
            additionalProperties: {
              type: 'number',
              nullable: true,
            },
          },
        },
        required: ['time', 'sli', 'stepSli', 'budgetRemaining', 'burnRates'],
      },
      EventBucket: {
        type: 'object',
        description:
          'Counts of one time bucket; give good with total, or good with bad.',
        properties: {
          start: {
            oneOf: [
              {
                type: 'string',
                format: 'date-time',
              },
              {
                type: 'number',
              },
            ],
          },
          good: {
            type: 'number',
            minimum: 0,
          },
          total: {
            type: 'number',
            minimum: 0,
          },
          bad: {
            type: 'number',
            minimum: 0,
          },
        },
        required: ['start', 'good'],
      },
      Alert: {
        additionalProperties: false,
        properties: {
          acknowledgedAt: {
            type: 'string',
          },
          acknowledgedBy: {
            description:
              "Who acknowledged first: a user entity ref when known, else the source's name for them.",
            type: 'string',
          },
          actionable: {
            description:
              '`true` needed action, `false` noise; absent until somebody triages it.',
            type: 'boolean',
          },
          alertName: {
            description: "The alert rule's name, e.g. `CheckoutHighErrorRate`.",
            type: 'string',
          },
          deliveries: {
            description: 'How many reports were merged into this record.',
            type: 'number',
          },
          entityRef: {
            description: 'The catalog entity the alert belongs to.',
            type: 'string',
          },
          externalId: {
            description:
              'Identity of this alert occurrence in the source: the incident or alert id, or for Alertmanager the fingerprint plus `startsAt`, so one firing is one record.',
            type: 'string',
          },
          fingerprint: {
            description:
              'Stable identity of the alerting series (Alertmanager fingerprint, PagerDuty incident key).',
            type: 'string',
          },
          id: {
            type: 'string',
          },
          resolvedAt: {
            type: 'string',
          },
          resolvedBy: {
            type: 'string',
          },
          responder: {
            description:
              "Who was paged: a user entity ref when known, else the source's name for them.",
            type: 'string',
          },
          runbookUrl: {
            description:
              'Runbook named by the alert itself (`runbook_url` annotation).',
            type: 'string',
          },
          source: {
            description:
              "The source type: `alertmanager`, `pagerduty`, `opsgenie`, or a module's own.",
            type: 'string',
          },
          status: {
            enum: ['triggered', 'acknowledged', 'resolved'],
            type: 'string',
          },
          summary: {
            description: 'One-line description for lists.',
            type: 'string',
          },
          triagedAt: {
            type: 'string',
          },
          triagedBy: {
            type: 'string',
          },
          triggeredAt: {
            description: 'ISO 8601 with offset.',
            type: 'string',
          },
          urgency: {
            $ref: '#/components/schemas/AlertUrgency',
          },
          url: {
            description: 'Link to the alert in the source.',
            type: 'string',
          },
        },
        required: [
          'deliveries',
          'entityRef',
          'externalId',
          'id',
          'source',
          'status',
          'triggeredAt',
          'urgency',
        ],
        type: 'object',
      },
      AlertDataProblem: {
        additionalProperties: false,
        description:
          'A data error found in the input. Analytics report these instead of throwing, so that one bad record from an incident tool does not hide a month of good ones.',
        properties: {
          effect: {
            $ref: '#/components/schemas/AlertDataProblemEffect',
          },
          field: {
            description: 'The offending field, e.g. `acknowledgedAt`.',
            type: 'string',
          },
          id: {
            description: "The page id, or the shift's user.",
            type: 'string',
          },
          index: {
            description: 'Position of the record in the input list.',
            type: 'number',
          },
          kind: {
            $ref: '#/components/schemas/AlertDataProblemKind',
          },
          message: {
            description:
              'What was wrong, in plain language, with the values involved.',
            type: 'string',
          },
          subject: {
            enum: ['page', 'shift'],
            type: 'string',
          },
        },
        required: ['kind', 'subject', 'index', 'message', 'effect'],
        type: 'object',
      },
      AlertDataProblemEffect: {
        description:
          'What the analysis did about a problem.\n\n- `record-rejected`: the page or shift is left out of every figure.\n- `value-ignored`: the field is treated as absent (an acknowledgement before the trigger is no   acknowledgement); the record counts everywhere else.\n- `excluded-from-alert-stats`: the page counts everywhere except per-alert figures and flapping.',
        enum: ['record-rejected', 'value-ignored', 'excluded-from-alert-stats'],
        type: 'string',
      },
      AlertDataProblemKind: {
        description:
          "What was wrong with a page or shift.\n\n- `invalid-value`: a required field is missing or malformed, or a timestamp cannot be read.\n- `invalid-time-zone`: not an IANA time zone name.\n- `duplicate-page-id`: a page with the same id came earlier.\n- `acknowledged-before-triggered`, `resolved-before-triggered`, `resolved-before-acknowledged`:   the page's lifecycle runs backwards.\n- `empty-shift`: the shift does not end after it starts.\n- `missing-alert-identity`: the page has neither `alertName` nor `fingerprint`.",
        enum: [
          'invalid-value',
          'invalid-time-zone',
          'duplicate-page-id',
          'acknowledged-before-triggered',
          'resolved-before-triggered',
          'resolved-before-acknowledged',
          'empty-shift',
          'missing-alert-identity',
        ],
        type: 'string',
      },
      AlertFlapSummary: {
        additionalProperties: false,
        description: "Flap detection over one alert's pages.",
        properties: {
          checkResults: {
            description:
              'How many check results the pages gave, periodic ones included.',
            type: 'number',
          },
          everFlapped: {
            description: 'Whether the alert was flapping at any point.',
            type: 'boolean',
          },
          flapping: {
            description:
              'Whether the alert was flapping after its last check result.',
            type: 'boolean',
          },
          peakPercentStateChange: {
            description: 'Highest percent state change reached.',
            type: 'number',
          },
          percentStateChange: {
            description:
              "Percent state change after the alert's last check result; 0 without pages.",
            type: 'number',
          },
        },
        required: [
          'percentStateChange',
          'flapping',
          'peakPercentStateChange',
          'everFlapped',
          'checkResults',
        ],
        type: 'object',
      },
      AlertList: {
        additionalProperties: false,
        properties: {
          items: {
            items: {
              $ref: '#/components/schemas/Alert',
            },
            type: 'array',
          },
        },
        required: ['items'],
        type: 'object',
      },
      AlertNoiseSummary: {
        additionalProperties: false,
        description: 'How many pages were actionable and how many were noise.',
        properties: {
          actionable: {
            type: 'number',
          },
          actionableRatio: {
            $ref: '#/components/schemas/AlertRatio',
          },
          classifications: {
            description: 'The verdict on each page, in input order.',
            items: {
              $ref: '#/components/schemas/AlertPageClassification',
            },
            type: 'array',
          },
          noise: {
            type: 'number',
          },
          noiseRatio: {
            $ref: '#/components/schemas/AlertRatio',
          },
          open: {
            type: 'number',
          },
          pages: {
            description: 'All pages considered.',
            type: 'number',
          },
          unclassifiable: {
            type: 'number',
          },
        },
        required: [
          'pages',
          'actionable',
          'noise',
          'open',
          'unclassifiable',
          'actionableRatio',
          'noiseRatio',
          'classifications',
        ],
        type: 'object',
      },
      AlertPageClassification: {
        additionalProperties: false,
        description: 'The verdict on one page.',
        properties: {
          pageId: {
            type: 'string',
          },
          reason: {
            $ref: '#/components/schemas/AlertPageVerdictReason',
          },
          verdict: {
            $ref: '#/components/schemas/AlertPageVerdict',
          },
        },
        required: ['pageId', 'verdict', 'reason'],
        type: 'object',
      },
      AlertPageVerdict: {
        description:
          "Whether a page needed a person.\n\n- `actionable`: it did (marked so, or acknowledged and worked on past the quick-resolve window).\n- `noise`: it did not (a false positive).\n- `open`: not resolved and not marked, so not decided yet.\n- `unclassifiable`: not marked, and either its acknowledgement or resolution was dropped as a   data error, or its source records no acknowledgements and it ran past the quick-resolve window   (only the responder's verdict can tell).",
        enum: ['actionable', 'noise', 'open', 'unclassifiable'],
        type: 'string',
      },
      AlertPageVerdictReason: {
        description: 'Why a page got its verdict.',
        enum: [
          'marked-actionable',
          'marked-not-actionable',
          'resolved-without-acknowledgement',
          'resolved-quickly',
          'acknowledged-and-worked',
          'still-open',
          'lifecycle-data-error',
          'needs-verdict',
        ],
        type: 'string',
      },
      AlertQualityByAlert: {
        additionalProperties: false,
        description:
          'Alert quality of one alert: its pages grouped by  {@link  ValidatedAlertPage.alertKey } .',
        properties: {
          actionable: {
            type: 'number',
          },
          alertKey: {
            description:
              '`service/fingerprint`, or `service/alertName` for pages without a fingerprint.',
            type: 'string',
          },
          alertName: {
            description:
              "The alert name of the alert's first page that has one.",
            type: 'string',
          },
          fingerprint: {
            type: 'string',
          },
          flap: {
            $ref: '#/components/schemas/AlertFlapSummary',
          },
          mtta: {
            $ref: '#/components/schemas/MeanDuration',
          },
          mttr: {
            $ref: '#/components/schemas/MeanDuration',
          },
          noise: {
            type: 'number',
          },
          noiseRatio: {
            $ref: '#/components/schemas/AlertRatio',
          },
          open: {
            type: 'number',
          },
          pages: {
            type: 'number',
          },
          service: {
            type: 'string',
          },
          unclassifiable: {
            type: 'number',
          },
        },
        required: [
          'alertKey',
          'service',
          'pages',
          'actionable',
          'noise',
          'open',
          'unclassifiable',
          'noiseRatio',
          'mtta',
          'mttr',
          'flap',
        ],
        type: 'object',
      },
      AlertQualityEntityView: {
        additionalProperties: false,
        description:
          "One owned entity's alert figures in a team's alert quality.",
        properties: {
          actionableRatio: {
            type: 'number',
            nullable: true,
          },
          entityRef: {
            type: 'string',
          },
          highUrgencyPages: {
            type: 'number',
          },
          noiseRatio: {
            type: 'number',
            nullable: true,
          },
          pages: {
            type: 'number',
          },
        },
        required: [
          'entityRef',
          'pages',
          'highUrgencyPages',
          'actionableRatio',
          'noiseRatio',
        ],
        type: 'object',
      },
      AlertQualityReport: {
        additionalProperties: false,
        description:
          'Alert-quality analytics over a set of pages and on-call shifts.',
        properties: {
          alerts: {
            description: 'Every alert, noisiest first.',
            items: {
              $ref: '#/components/schemas/AlertQualityByAlert',
            },
            type: 'array',
          },
          interruptions: {
            $ref: '#/components/schemas/InterruptionReport',
          },
          noise: {
            $ref: '#/components/schemas/AlertNoiseSummary',
          },
          onCallLoad: {
            $ref: '#/components/schemas/OnCallLoad',
          },
          pagesGiven: {
            description:
              'Pages given, and pages used after rejecting invalid ones.',
            type: 'number',
          },
          pagesUsed: {
            type: 'number',
          },
          problems: {
            description:
              'Data errors found in the input, and what was done about each.',
            items: {
              $ref: '#/components/schemas/AlertDataProblem',
            },
            type: 'array',
          },
          responseTimes: {
            $ref: '#/components/schemas/AlertResponseTimes',
          },
          shiftsGiven: {
            type: 'number',
          },
          shiftsUsed: {
            type: 'number',
          },
        },
        required: [
          'pagesGiven',
          'pagesUsed',
          'shiftsGiven',
          'shiftsUsed',
          'onCallLoad',
          'noise',
          'responseTimes',
          'interruptions',
          'alerts',
          'problems',
        ],
        type: 'object',
      },
      AlertQualityView: {
        additionalProperties: false,
        description:
          'Alert quality of an entity, or of a team with `entities`, over a period.',
        properties: {
          entities: {
            description:
              "For team rollups: each owned entity's figures, noisiest first.",
            items: {
              $ref: '#/components/schemas/AlertQualityEntityView',
            },
            type: 'array',
          },
          from: {
            type: 'string',
          },
          pagesPer12Hours: {
            description:
              'High-urgency pages per 12 hours over the whole period: known even without shifts.',
            type: 'number',
          },
          report: {
            $ref: '#/components/schemas/AlertQualityReport',
          },
          shiftsKnown: {
            description:
              'The on-call shifts used for pages per shift and sleep-hour interruptions (0 when unknown).',
            type: 'number',
          },
          subject: {
            description: 'The entity, or the owner for a team rollup.',
            type: 'string',
          },
          to: {
            type: 'string',
          },
        },
        required: [
          'subject',
          'from',
          'to',
          'pagesPer12Hours',
          'shiftsKnown',
          'report',
        ],
        type: 'object',
      },
      AlertRatio: {
        anyOf: [
          {
            additionalProperties: false,
            properties: {
              count: {
                type: 'number',
              },
              state: {
                type: 'string',
                enum: ['known'],
              },
              total: {
                type: 'number',
              },
              value: {
                description: '`count / total`, between 0 and 1.',
                type: 'number',
              },
            },
            required: ['state', 'value', 'count', 'total'],
            type: 'object',
          },
          {
            additionalProperties: false,
            properties: {
              reason: {
                type: 'string',
              },
              state: {
                type: 'string',
                enum: ['unknown'],
              },
            },
            required: ['state', 'reason'],
            type: 'object',
          },
        ],
        description:
          'A share of pages, or an explicit "unknown" when there is nothing to divide by: an empty week is neither 0 % nor 100 % noisy.',
      },
      AlertResponseTimes: {
        additionalProperties: false,
        description:
          'Mean time to acknowledge and to resolve, as PagerDuty Analytics defines them.',
        properties: {
          acknowledged: {
            type: 'number',
          },
          mtta: {
            $ref: '#/components/schemas/MeanDuration',
          },
          mttr: {
            $ref: '#/components/schemas/MeanDuration',
          },
          pages: {
            description: 'All pages considered.',
            type: 'number',
          },
          resolved: {
            type: 'number',
          },
        },
        required: ['mtta', 'mttr', 'pages', 'acknowledged', 'resolved'],
        type: 'object',
      },
      AlertUrgency: {
        description:
          "How urgently a page asked for a person: `high` pages notify the on-call responder at once (phone, push), `low` ones do not wake anybody up (PagerDuty's urgency levels).",
        enum: ['high', 'low'],
        type: 'string',
      },
      AlertmanagerDelivery: {
        additionalProperties: false,
        properties: {
          merged: {
            type: 'number',
          },
          received: {
            type: 'number',
          },
          stored: {
            type: 'number',
          },
          unmapped: {
            items: {
              additionalProperties: false,
              properties: {
                alertName: {
                  type: 'string',
                },
                fingerprint: {
                  type: 'string',
                },
                reason: {
                  type: 'string',
                },
              },
              required: ['fingerprint', 'reason'],
              type: 'object',
            },
            type: 'array',
          },
        },
        required: ['received', 'stored', 'merged', 'unmapped'],
        type: 'object',
      },
      Campaign: {
        additionalProperties: false,
        properties: {
          createdAt: {
            type: 'string',
          },
          createdBy: {
            type: 'string',
          },
          dueDate: {
            type: 'string',
          },
          filter: {
            $ref: '#/components/schemas/ScorecardAppliesTo',
          },
          id: {
            type: 'string',
          },
          scorecardId: {
            type: 'string',
          },
          targetLevel: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
          },
          updatedBy: {
            type: 'string',
          },
          closedAt: {
            description:
              'Set once it is closed; a closed campaign records no progress and sends no reminders.',
            type: 'string',
          },
          closedBy: {
            type: 'string',
          },
        },
        required: [
          'id',
          'title',
          'scorecardId',
          'targetLevel',
          'dueDate',
          'createdBy',
          'createdAt',
        ],
        type: 'object',
      },
      CampaignList: {
        additionalProperties: false,
        properties: {
          items: {
            items: {
              $ref: '#/components/schemas/Campaign',
            },
            type: 'array',
          },
        },
        required: ['items'],
        type: 'object',
      },
      CampaignProgress: {
        additionalProperties: false,
        properties: {
          atOrAboveTarget: {
            type: 'number',
          },
          campaign: {
            $ref: '#/components/schemas/Campaign',
          },
          daysLeft: {
            type: 'number',
            nullable: true,
          },
          entities: {
            type: 'number',
          },
          history: {
            items: {
              additionalProperties: false,
              properties: {
                atOrAboveTarget: {
                  type: 'number',
                },
                day: {
                  type: 'string',
                },
                entities: {
                  type: 'number',
                },
                share: {
                  type: 'number',
                  nullable: true,
                },
              },
              required: ['day', 'entities', 'atOrAboveTarget', 'share'],
              type: 'object',
            },
            type: 'array',
          },
          overdue: {
            type: 'boolean',
          },
          problem: {
            type: 'string',
            nullable: true,
          },
          remaining: {
            items: {
              additionalProperties: false,
              properties: {
                entityRef: {
                  type: 'string',
                },
                level: {
                  type: 'string',
                  nullable: true,
                },
                ownerRef: {
                  type: 'string',
                  nullable: true,
                },
                failing: {
                  description:
                    'The ids of the checks, up to the target level, that fail or have no data.',
                  items: {
                    type: 'string',
                  },
                  type: 'array',
                },
              },
              required: ['entityRef', 'ownerRef', 'level', 'failing'],
              type: 'object',
            },
            type: 'array',
          },
          share: {
            type: 'number',
            nullable: true,
          },
          state: {
            description:
              'closed; done (every entity at the target); late (overdue, or behind a straight line from its start to its due date); on-track otherwise.',
            enum: ['on-track', 'late', 'done', 'closed'],
            type: 'string',
          },
          teams: {
            description: 'Per owner, the worst share first.',
            items: {
              additionalProperties: false,
              properties: {
                ownerRef: {
                  type: 'string',
                  nullable: true,
                },
                entities: {
                  type: 'number',
                },
                atOrAboveTarget: {
                  type: 'number',
                },
              },
              required: ['ownerRef', 'entities', 'atOrAboveTarget'],
              type: 'object',
            },
            type: 'array',
          },
        },
        required: [
          'state',
          'teams',
          'campaign',
          'entities',
          'atOrAboveTarget',
          'share',
          'remaining',
          'daysLeft',
          'overdue',
          'problem',
          'history',
        ],
        type: 'object',
      },
      ContactLink: {
        additionalProperties: false,
        description:
          'A link a responder can use to reach the team or the service in the provider.',
        properties: {
          title: {
            type: 'string',
          },
          type: {
            description:
              '`service`, `schedule`, `chat`, `email`, `phone`, `trigger` … free text for icons.',
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
        required: ['title', 'url'],
        type: 'object',
      },
      EntityOnCall: {
        additionalProperties: false,
        description: 'Who is on call for one entity now and next.',
        properties: {
          contactLinks: {
            items: {
              $ref: '#/components/schemas/ContactLink',
            },
            type: 'array',
          },
          entityRef: {
            type: 'string',
          },
          error: {
            type: 'string',
          },
          escalationChain: {
            items: {
              $ref: '#/components/schemas/EscalationStep',
            },
            type: 'array',
          },
          fetchedAt: {
            description: 'When the provider was asked, ISO 8601.',
            type: 'string',
          },
          next: {
            items: {
              $ref: '#/components/schemas/OnCallAssignment',
            },
            type: 'array',
          },
          now: {
            items: {
              $ref: '#/components/schemas/OnCallAssignment',
            },
            type: 'array',
          },
          reasons: {
            description:
              'Why nothing resolved: each place looked at and what was missing there.',
            items: {
              type: 'string',
            },
            type: 'array',
          },
          resolution: {
            $ref: '#/components/schemas/OnCallResolution',
          },
          stale: {
            description:
              'True when the answer is older than the cache policy because the provider failed since.',
            type: 'boolean',
          },
          status: {
            description:
              '`ok`: resolved and answered; `unresolved`: no provider mapping found (see `reasons`); `error`: a mapping was found but the provider failed (`error`), and any last-good answer is given with `stale: true`.',
            enum: ['ok', 'unresolved', 'error'],
            type: 'string',
          },
        },
        required: [
          'entityRef',
          'status',
          'now',
          'next',
          'escalationChain',
          'contactLinks',
          'stale',
          'reasons',
        ],
        type: 'object',
      },
      EntityRunbooksView: {
        additionalProperties: false,
        description:
          'The runbooks of an entity with their latest checks: `GET /entities/{kind}/{namespace}/{name}/runbooks`.',
        properties: {
          checkedAt: {
            description:
              'The latest check of any of its runbooks; absent before the first check. ISO 8601.',
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          pagingAlertsWithoutRunbook: {
            items: {
              $ref: '#/components/schemas/PagingAlertWithoutRunbook',
            },
            type: 'array',
          },
          problems: {
            description:
              'Runbook locations that could not be resolved, so that the owner can fix them.',
            items: {
              $ref: '#/components/schemas/RunbookProblem',
            },
            type: 'array',
          },
          runbooks: {
            items: {
              $ref: '#/components/schemas/RunbookView',
            },
            type: 'array',
          },
        },
        required: [
          'entityRef',
          'runbooks',
          'pagingAlertsWithoutRunbook',
          'problems',
        ],
        type: 'object',
      },
      EntityScorecards: {
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          exemptions: {
            items: {
              $ref: '#/components/schemas/ScorecardExemptionView',
            },
            type: 'array',
          },
          scorecards: {
            items: {
              $ref: '#/components/schemas/ScorecardResultView',
            },
            type: 'array',
          },
        },
        required: ['entityRef', 'scorecards', 'exemptions'],
        type: 'object',
      },
      EscalationStep: {
        additionalProperties: false,
        description:
          'One step of an escalation policy: who is notified, and after how long without acknowledgement.',
        properties: {
          delayMinutes: {
            description:
              'Minutes after the previous step before this one is notified, when the provider tells.',
            type: 'number',
          },
          level: {
            description: '1-based position in the chain.',
            type: 'number',
          },
          targets: {
            items: {
              additionalProperties: false,
              properties: {
                name: {
                  type: 'string',
                },
                onCall: {
                  description:
                    'For schedules and rotations: who is on call there now.',
                  items: {
                    $ref: '#/components/schemas/OnCallPerson',
                  },
                  type: 'array',
                },
                type: {
                  enum: ['user', 'schedule', 'team', 'rotation'],
                  type: 'string',
                },
                url: {
                  type: 'string',
                },
              },
              required: ['type', 'name'],
              type: 'object',
            },
            type: 'array',
          },
        },
        required: ['level', 'targets'],
        type: 'object',
      },
      EntityExemptions: {
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          items: {
            items: {
              $ref: '#/components/schemas/ScorecardExemptionView',
            },
            type: 'array',
          },
          audit: {
            items: {
              $ref: '#/components/schemas/ExemptionAuditRecord',
            },
            type: 'array',
          },
          policy: {
            $ref: '#/components/schemas/ExemptionPolicy',
          },
        },
        required: ['entityRef', 'items', 'audit', 'policy'],
        type: 'object',
      },
      ExemptionPolicy: {
        additionalProperties: false,
        description: "What the caller may do with the entity's exemptions.",
        properties: {
          maxDurationDays: {
            description:
              'The longest an exemption may last (reliability.exemptions.maxDuration).',
            type: 'number',
          },
          canRequest: {
            type: 'boolean',
          },
          requestDenial: {
            description:
              'Why the caller may not request one; null when they may.',
            type: 'string',
            nullable: true,
          },
        },
        required: ['maxDurationDays', 'canRequest', 'requestDenial'],
        type: 'object',
      },
      ExemptionAudit: {
        additionalProperties: false,
        properties: {
          exemption: {
            $ref: '#/components/schemas/ScorecardExemptionView',
          },
          items: {
            items: {
              $ref: '#/components/schemas/ExemptionAuditRecord',
            },
            type: 'array',
          },
        },
        required: ['exemption', 'items'],
        type: 'object',
      },
      ExemptionAuditRecord: {
        additionalProperties: false,
        properties: {
          action: {
            enum: ['request', 'grant', 'refuse', 'revoke', 'expire', 'remind'],
            type: 'string',
          },
          actor: {
            type: 'string',
          },
          at: {
            type: 'string',
          },
          details: {
            additionalProperties: {},
            type: 'object',
          },
          exemptionId: {
            type: 'string',
          },
        },
        required: ['exemptionId', 'action', 'at', 'details'],
        type: 'object',
      },
      ExemptionList: {
        additionalProperties: false,
        properties: {
          items: {
            items: {
              $ref: '#/components/schemas/ScorecardExemptionView',
            },
            type: 'array',
          },
        },
        required: ['items'],
        type: 'object',
      },
      InterruptionCounts: {
        additionalProperties: false,
        description: 'Interruptions per period.',
        properties: {
          businessHours: {
            type: 'number',
          },
          offHours: {
            type: 'number',
          },
          sleepHours: {
            type: 'number',
          },
          total: {
            type: 'number',
          },
        },
        required: ['businessHours', 'offHours', 'sleepHours', 'total'],
        type: 'object',
      },
      InterruptionPeriod: {
        description:
          "When, in the responder's own day, a page interrupted them.\n\n- `business-hours`: working days within working hours (Mon–Fri 08:00–18:00 by default).\n- `sleep-hours`: within sleep hours (22:00–08:00 by default) on any day.\n- `off-hours`: the rest: evenings, and weekend days outside sleep hours.",
        enum: ['business-hours', 'off-hours', 'sleep-hours'],
        type: 'string',
      },
      InterruptionReport: {
        additionalProperties: false,
        description:
          'Interruptions split by period, overall and per responder.',
        properties: {
          byResponder: {
            description: 'Per responder user ref, sorted by user ref.',
            items: {
              additionalProperties: false,
              properties: {
                counts: {
                  $ref: '#/components/schemas/InterruptionCounts',
                },
                responder: {
                  type: 'string',
                },
              },
              required: ['responder', 'counts'],
              type: 'object',
            },
            type: 'array',
          },
          pages: {
            description: 'One entry per counted page, in input order.',
            items: {
              $ref: '#/components/schemas/PageInterruption',
            },
            type: 'array',
          },
          total: {
            $ref: '#/components/schemas/InterruptionCounts',
          },
        },
        required: ['total', 'byResponder', 'pages'],
        type: 'object',
      },
      MeanDuration: {
        anyOf: [
          {
            additionalProperties: false,
            properties: {
              count: {
                description: 'How many pages the mean is over.',
                type: 'number',
              },
              meanMs: {
                type: 'number',
              },
              state: {
                type: 'string',
                enum: ['known'],
              },
            },
            required: ['state', 'meanMs', 'count'],
            type: 'object',
          },
          {
            additionalProperties: false,
            properties: {
              reason: {
                type: 'string',
              },
              state: {
                type: 'string',
                enum: ['unknown'],
              },
            },
            required: ['state', 'reason'],
            type: 'object',
          },
        ],
        description:
          'A mean duration, or an explicit "unknown" when no page had the timestamps it needs.',
      },
      OnCallAssignment: {
        additionalProperties: false,
        description:
          'Someone on call from `start` to `end`; either bound is absent when the provider does not tell.',
        properties: {
          end: {
            description: 'ISO 8601 with offset, exclusive.',
            type: 'string',
          },
          escalationLevel: {
            description:
              '1 for the first responder, 2 for who is paged when they do not acknowledge, and so on.',
            type: 'number',
          },
          person: {
            $ref: '#/components/schemas/OnCallPerson',
          },
          scheduleName: {
            description:
              'The schedule, rotation layer or team this shift comes from.',
            type: 'string',
          },
          start: {
            description: 'ISO 8601 with offset.',
            type: 'string',
          },
        },
        required: ['person'],
        type: 'object',
      },
      OnCallLoad: {
        additionalProperties: false,
        description: 'Pages per on-call shift.',
        properties: {
          pagesOutsideShifts: {
            description:
              'Ids of counted pages that fell in no shift of their responder.',
            items: {
              type: 'string',
            },
            type: 'array',
          },
          shifts: {
            description: 'One entry per shift, in input order.',
            items: {
              $ref: '#/components/schemas/OnCallShiftLoad',
            },
            type: 'array',
          },
          summary: {
            $ref: '#/components/schemas/OnCallLoadSummary',
          },
        },
        required: ['shifts', 'summary', 'pagesOutsideShifts'],
        type: 'object',
      },
      OnCallLoadSummary: {
        anyOf: [
          {
            additionalProperties: false,
            properties: {
              maxPagesPer12Hours: {
                type: 'number',
              },
              maxPagesPerShift: {
                type: 'number',
              },
              meanPagesPer12Hours: {
                type: 'number',
              },
              meanPagesPerShift: {
                type: 'number',
              },
              shifts: {
                type: 'number',
              },
              shiftsOverLine: {
                description: 'How many shifts are over the sustainable line.',
                type: 'number',
              },
              state: {
                type: 'string',
                enum: ['known'],
              },
            },
            required: [
              'state',
              'shifts',
              'meanPagesPerShift',
              'maxPagesPerShift',
              'meanPagesPer12Hours',
              'maxPagesPer12Hours',
              'shiftsOverLine',
            ],
            type: 'object',
          },
          {
            additionalProperties: false,
            properties: {
              reason: {
                type: 'string',
              },
              state: {
                type: 'string',
                enum: ['unknown'],
              },
            },
            required: ['state', 'reason'],
            type: 'object',
          },
        ],
        description:
          'Mean and maximum load over the shifts, or `unknown` when there are no shifts.',
      },
      OnCallPerson: {
        additionalProperties: false,
        description: 'A person who can be paged.',
        properties: {
          email: {
            type: 'string',
          },
          externalId: {
            description: "The person's id in the provider.",
            type: 'string',
          },
          name: {
            description: 'Display name.',
            type: 'string',
          },
          url: {
            description:
              "The person's profile in the provider, e.g. their PagerDuty user page.",
            type: 'string',
          },
          userRef: {
            description:
              "The person's user entity ref when the catalog knows them (`user:default/jane`).",
            type: 'string',
          },
        },
        required: ['name'],
        type: 'object',
      },
      OnCallResolution: {
        additionalProperties: false,
        description:
          'Where an on-call answer came from and how the entity was mapped to it.',
        properties: {
          mappedBy: {
            description:
              'The entity whose annotation mapped to the provider: the entity itself or its owner group.',
            type: 'string',
          },
          mapping: {
            description:
              'The annotation (or rotation location) that did the mapping, e.g. `pagerduty.com/service-id`.',
            type: 'string',
          },
          mappingValue: {
            description: 'The value of that annotation.',
            type: 'string',
          },
          source: {
            description:
              "The provider type: `pagerduty`, `opsgenie`, `rotation`, or a module's own.",
            type: 'string',
          },
        },
        required: ['source', 'mappedBy', 'mapping', 'mappingValue'],
        type: 'object',
      },
      OnCallShift: {
        additionalProperties: false,
        description: "One person's on-call shift.",
        properties: {
          end: {
            description: 'End of the shift, exclusive: ISO 8601 with offset.',
            type: 'string',
          },
          start: {
            description: 'Start of the shift, inclusive: ISO 8601 with offset.',
            type: 'string',
          },
          timeZone: {
            description:
              "IANA time zone of the person on call, used when a page does not name the responder's zone.",
            type: 'string',
          },
          user: {
            description:
              'The user on call, as a user entity ref; matched against  {@link  AlertPage.responder } .',
            type: 'string',
          },
        },
        required: ['user', 'start', 'end'],
        type: 'object',
      },
      OnCallShiftLoad: {
        additionalProperties: false,
        description: 'The pages one shift received.',
        properties: {
          durationMs: {
            type: 'number',
          },
          overSustainableLine: {
            description:
              '`pagesPer12Hours` above the limit (2 by default; exactly 2 is sustainable). A short shift reaches the line quickly: one page in a 4-hour override is 3 per 12 hours.',
            type: 'boolean',
          },
          pageIds: {
            items: {
              type: 'string',
            },
            type: 'array',
          },
          pages: {
            description:
              "Pages to the shift's user triggered in [start, end), of the counted urgencies.",
            type: 'number',
          },
          pagesPer12Hours: {
            description:
              'pages × 12 h / shift duration: the count a 12-hour shift at this rate would get.',
            type: 'number',
          },
          shift: {
            $ref: '#/components/schemas/ValidatedOnCallShift',
          },
        },
        required: [
          'shift',
          'durationMs',
          'pages',
          'pageIds',
          'pagesPer12Hours',
          'overSustainableLine',
        ],
        type: 'object',
      },
      OwnerOnCall: {
        additionalProperties: false,
        properties: {
          entities: {
            items: {
              $ref: '#/components/schemas/EntityOnCall',
            },
            type: 'array',
          },
          owner: {
            type: 'string',
          },
          owners: {
            items: {
              type: 'string',
            },
            type: 'array',
          },
        },
        required: ['owner', 'owners', 'entities'],
        type: 'object',
      },
      PageInterruption: {
        additionalProperties: false,
        description: 'When one page interrupted its responder.',
        properties: {
          localTime: {
            description:
              "The trigger time on the responder's clock, ISO 8601 with their offset.",
            type: 'string',
          },
          pageId: {
            type: 'string',
          },
          period: {
            $ref: '#/components/schemas/InterruptionPeriod',
          },
          responder: {
            type: 'string',
          },
          timeZone: {
            type: 'string',
          },
          timeZoneSource: {
            description:
              "Where the zone came from: the page, the responder's shift, or the default.",
            enum: ['page', 'shift', 'default'],
            type: 'string',
          },
        },
        required: [
          'pageId',
          'responder',
          'period',
          'timeZone',
          'timeZoneSource',
          'localTime',
        ],
        type: 'object',
      },
      PagingAlertWithoutRunbook: {
        additionalProperties: false,
        description:
          'A paging alert that has no runbook: nothing tells the person paged at night what to do.',
        properties: {
          alertName: {
            type: 'string',
          },
          sloId: {
            type: 'string',
          },
          sloName: {
            description: "The SLO's display name, else its name.",
            type: 'string',
          },
        },
        required: ['sloId', 'sloName', 'alertName'],
        type: 'object',
      },
      ReliabilityTier: {
        description: 'A reliability tier: 1 is the most critical, 4 the least.',
        enum: [1, 2, 3, 4],
        type: 'number',
      },
      RunbookAlert: {
        additionalProperties: false,
        description:
          'One burn-rate alert of an SLO: the page (fast burn) or the ticket (slow burn) alert.',
        properties: {
          alertName: {
            description:
              "`alerting.name` of the SLO; Sloth names both severities' alerts with it.",
            type: 'string',
          },
          severity: {
            enum: ['page', 'ticket'],
            type: 'string',
          },
          sloId: {
            type: 'string',
          },
        },
        required: ['sloId', 'alertName', 'severity'],
        type: 'object',
      },
      RunbookCheckOutcome: {
        description:
          'The outcome of a reachability check: `refused` means the configuration (host allow-list, private-address block) forbids the request, which says nothing about the runbook itself.',
        enum: ['reachable', 'unreachable', 'refused'],
        type: 'string',
      },
      RunbookCheckView: {
        additionalProperties: false,
        description:
          'The latest reachability check of a runbook, as the API serves it.',
        properties: {
          checkedAt: {
            description: 'ISO 8601.',
            type: 'string',
          },
          error: {
            description: 'Why it was unreachable or refused.',
            type: 'string',
          },
          lastModifiedAt: {
            description:
              'When the runbook last changed, as its server or SCM said; ISO 8601.',
            type: 'string',
          },
          lastReachableAt: {
            description: 'The last check that found it reachable; ISO 8601.',
            type: 'string',
          },
          outcome: {
            $ref: '#/components/schemas/RunbookCheckOutcome',
          },
          redirectCount: {
            type: 'number',
          },
          statusCode: {
            description:
              'HTTP status of the final response; absent for SCM and file reads and for failures.',
            type: 'number',
          },
        },
        required: ['outcome', 'redirectCount', 'checkedAt'],
        type: 'object',
      },
      RunbookContent: {
        additionalProperties: false,
        description:
          'The Markdown text of a runbook. The backend never renders it: the frontend sanitizes the HTML it renders.',
        properties: {
          etag: {
            description: "The reader's entity tag, when it gives one.",
            type: 'string',
          },
          lastModifiedAt: {
            description: 'ISO 8601, when the reader says.',
            type: 'string',
          },
          markdown: {
            type: 'string',
          },
          url: {
            description:
              'Where it was read from, to resolve the relative links and images in it.',
            type: 'string',
          },
        },
        required: ['markdown'],
        type: 'object',
      },
      RunbookOrigin: {
        description:
          "Where a runbook was found: a `metadata.links` entry of type `runbook`, the `reliability/runbook` annotation, or the `runbook_url`/`runbook` annotation of an SLO's alert.",
        enum: ['link', 'annotation', 'alert'],
        type: 'string',
      },
      RunbookProblem: {
        additionalProperties: false,
        description:
          'A runbook location that could not be used, e.g. an `ftp:` URL or an absolute path.',
        properties: {
          alert: {
            $ref: '#/components/schemas/RunbookAlert',
          },
          location: {
            description: 'The location as written.',
            type: 'string',
          },
          message: {
            type: 'string',
          },
          origin: {
            $ref: '#/components/schemas/RunbookOrigin',
          },
        },
        required: ['origin', 'location', 'message'],
        type: 'object',
      },
      RunbookView: {
        additionalProperties: false,
        description:
          'A runbook of an entity with its latest check; `check` is absent before the first check.',
        properties: {
          alert: {
            $ref: '#/components/schemas/RunbookAlert',
          },
          alerts: {
            description:
              'Every SLO alert that names this runbook, whatever `origin` is.',
            items: {
              $ref: '#/components/schemas/RunbookAlert',
            },
            type: 'array',
          },
          check: {
            $ref: '#/components/schemas/RunbookCheckView',
          },
          id: {
            description:
              'A hash of the resolved location: the same runbook keeps its id across reads and origins.',
            type: 'string',
          },
          markdown: {
            description:
              'Whether it is a Markdown file the backend can read (a repository file, `.md` or `.markdown`), so that the frontend can show it inline rather than link to it.',
            type: 'boolean',
          },
          origin: {
            $ref: '#/components/schemas/RunbookOrigin',
          },
          path: {
            description:
              "The path as written, when the runbook was given relative to the entity's location.",
            type: 'string',
          },
          title: {
            type: 'string',
          },
          url: {
            description:
              'The resolved http(s) URL; absent for a file of an entity registered from a local file.',
            type: 'string',
          },
        },
        required: ['alerts', 'id', 'markdown', 'origin', 'title'],
        type: 'object',
      },
      ScorecardAppliesTo: {
        additionalProperties: false,
        description:
          'Which entities a scorecard (or a campaign) is about. Each field lists the allowed values; an entity must match every field given. Text values compare case-insensitively, as catalog filters do. An empty filter takes every entity.',
        properties: {
          kind: {
            items: {
              type: 'string',
            },
            type: 'array',
          },
          lifecycle: {
            description: '`spec.lifecycle`, e.g. `production`.',
            items: {
              type: 'string',
            },
            type: 'array',
          },
          namespace: {
            items: {
              type: 'string',
            },
            type: 'array',
          },
          owner: {
            description:
              'Owner entity refs, completed as Backstage does: `payments` means `group:default/payments`.',
            items: {
              type: 'string',
            },
            type: 'array',
          },
          system: {
            description:
              'System entity refs, completed as Backstage does: `shop` means `system:default/shop`.',
            items: {
              type: 'string',
            },
            type: 'array',
          },
          tier: {
            description:
              'Entities without a valid `reliability/tier` never match a tier filter.',
            items: {
              $ref: '#/components/schemas/ReliabilityTier',
            },
            type: 'array',
          },
          type: {
            description: '`spec.type`, e.g. `service`, `website`.',
            items: {
              type: 'string',
            },
            type: 'array',
          },
        },
        type: 'object',
      },
      ScorecardCheckResultStatus: {
        anyOf: [
          {
            $ref: '#/components/schemas/ScorecardCheckStatus',
          },
          {
            type: 'string',
            enum: ['exempt'],
          },
        ],
        description:
          'How a check counts for a level: `exempt` counts as passed because of an active exemption.',
      },
      ScorecardCheckRollup: {
        additionalProperties: false,
        description: 'How one check fared across a group.',
        properties: {
          exempt: {
            type: 'number',
          },
          fail: {
            type: 'number',
          },
          id: {
            type: 'string',
          },
          pass: {
            type: 'number',
          },
          passRate: {
            description:
              "Share of the group's entities for which the check counts as passed (pass or exempt), 0–1.",
            type: 'number',
          },
          unknown: {
            type: 'number',
          },
        },
        required: ['id', 'pass', 'fail', 'unknown', 'exempt', 'passRate'],
        type: 'object',
      },
      ScorecardCheckStatus: {
        description:
          'What one check found for one entity. `unknown` means the facts it needs were not collected; it never counts as passed.',
        enum: ['pass', 'fail', 'unknown'],
        type: 'string',
      },
      ScorecardCheckView: {
        additionalProperties: false,
        description:
          'One check of a scorecard result, with what a reader needs beside it: its title, level, remediation, docs link and the exemption covering it.',
        properties: {
          checkStatus: {
            $ref: '#/components/schemas/ScorecardCheckStatus',
          },
          docsUrl: {
            type: 'string',
            nullable: true,
          },
          exemption: {
            description:
              'The exemption covering the check; its `id` (to revoke it) is `null` when not found.',
            additionalProperties: false,
            properties: {
              expiresAt: {
                type: 'string',
              },
              grantedBy: {
                type: 'string',
              },
              id: {
                type: 'string',
                nullable: true,
              },
              reason: {
                type: 'string',
              },
            },
            required: ['id', 'reason', 'expiresAt', 'grantedBy'],
            type: 'object',
            nullable: true,
          },
          id: {
            type: 'string',
          },
          level: {
            description:
              'The level the check belongs to; `null` when the definition no longer has the check.',
            type: 'string',
            nullable: true,
          },
          message: {
            type: 'string',
          },
          remediation: {
            type: 'string',
            nullable: true,
          },
          status: {
            $ref: '#/components/schemas/ScorecardCheckResultStatus',
          },
          title: {
            type: 'string',
          },
        },
        required: [
          'id',
          'title',
          'level',
          'status',
          'checkStatus',
          'message',
          'remediation',
          'docsUrl',
          'exemption',
        ],
        type: 'object',
      },
      ScorecardDefinitionCheckView: {
        additionalProperties: false,
        description:
          "One check of a scorecard definition, with the check's description.",
        properties: {
          check: {
            description: 'The id of the built-in or custom check.',
            type: 'string',
          },
          description: {
            description:
              "The check's own description; `null` when the check is not registered.",
            type: 'string',
            nullable: true,
          },
          docsUrl: {
            type: 'string',
            nullable: true,
          },
          id: {
            description: 'The check reference id within the scorecard.',
            type: 'string',
          },
          params: {
            additionalProperties: {},
            description: 'The params as written (`{}` when none).',
            type: 'object',
          },
          remediation: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
        },
        required: [
          'id',
          'check',
          'title',
          'description',
          'params',
          'remediation',
          'docsUrl',
        ],
        type: 'object',
      },
      ScorecardDefinitionView: {
        additionalProperties: false,
        description: 'A scorecard definition as the API serves it.',
        properties: {
          appliesTo: {
            $ref: '#/components/schemas/ScorecardAppliesTo',
          },
          description: {
            type: 'string',
            nullable: true,
          },
          id: {
            type: 'string',
          },
          levels: {
            description: 'Lowest first.',
            items: {
              additionalProperties: false,
              properties: {
                checks: {
                  items: {
                    $ref: '#/components/schemas/ScorecardDefinitionCheckView',
                  },
                  type: 'array',
                },
                description: {
                  type: 'string',
                  nullable: true,
                },
                name: {
                  type: 'string',
                },
              },
              required: ['name', 'description', 'checks'],
              type: 'object',
            },
            type: 'array',
          },
          source: {
            description:
              'Where the definition was read from, e.g. `app-config` or a file path.',
            type: 'string',
          },
          title: {
            type: 'string',
          },
        },
        required: [
          'id',
          'title',
          'description',
          'appliesTo',
          'source',
          'levels',
        ],
        type: 'object',
      },
      ScorecardDefinitionStatus: {
        additionalProperties: false,
        properties: {
          loadedAt: {
            type: 'string',
          },
          scorecards: {
            items: {
              additionalProperties: false,
              properties: {
                id: {
                  type: 'string',
                },
                source: {
                  type: 'string',
                },
              },
              required: ['id', 'source'],
              type: 'object',
            },
            type: 'array',
          },
          problems: {
            items: {
              additionalProperties: false,
              properties: {
                source: {
                  type: 'string',
                },
                file: {
                  type: 'string',
                  nullable: true,
                },
                line: {
                  type: 'number',
                  nullable: true,
                },
                column: {
                  type: 'number',
                  nullable: true,
                },
                path: {
                  type: 'string',
                },
                message: {
                  type: 'string',
                },
                servingPrevious: {
                  type: 'boolean',
                },
              },
              required: [
                'source',
                'file',
                'line',
                'column',
                'path',
                'message',
                'servingPrevious',
              ],
              type: 'object',
            },
            type: 'array',
          },
        },
        required: ['loadedAt', 'scorecards', 'problems'],
        type: 'object',
      },
      ScorecardDryRun: {
        additionalProperties: false,
        properties: {
          entitiesWithFacts: {
            type: 'number',
          },
          durationMs: {
            type: 'number',
          },
          summaries: {
            items: {
              additionalProperties: false,
              properties: {
                scorecardId: {
                  type: 'string',
                },
                entities: {
                  type: 'number',
                },
                notApplicable: {
                  type: 'number',
                },
                noLevel: {
                  type: 'number',
                },
                levels: {
                  items: {
                    additionalProperties: false,
                    properties: {
                      name: {
                        type: 'string',
                      },
                      entities: {
                        type: 'number',
                      },
                    },
                    required: ['name', 'entities'],
                    type: 'object',
                  },
                  type: 'array',
                },
                checks: {
                  items: {
                    additionalProperties: false,
                    properties: {
                      id: {
                        type: 'string',
                      },
                      title: {
                        type: 'string',
                      },
                      level: {
                        type: 'string',
                      },
                      failed: {
                        type: 'number',
                      },
                      unknown: {
                        type: 'number',
                      },
                      exempt: {
                        type: 'number',
                      },
                    },
                    required: [
                      'id',
                      'title',
                      'level',
                      'failed',
                      'unknown',
                      'exempt',
                    ],
                    type: 'object',
                  },
                  type: 'array',
                },
              },
              required: [
                'scorecardId',
                'entities',
                'notApplicable',
                'noLevel',
                'levels',
                'checks',
              ],
              type: 'object',
            },
            type: 'array',
          },
        },
        required: ['entitiesWithFacts', 'durationMs', 'summaries'],
        type: 'object',
      },
      ScorecardExemptionView: {
        additionalProperties: false,
        properties: {
          checkId: {
            description: 'The check reference id within the scorecard.',
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          expiresAt: {
            description:
              'ISO 8601 with offset; the exemption counts while `now` is before it.',
            type: 'string',
          },
          grantedAt: {
            description: 'Absent until it is granted.',
            type: 'string',
          },
          grantedBy: {
            description:
              'Who granted it, a user entity ref; absent until it is granted.',
            type: 'string',
          },
          id: {
            type: 'string',
          },
          reason: {
            description:
              'Why the exemption was asked for or granted, shown next to the check.',
            type: 'string',
          },
          requestedBy: {
            description:
              'Who asked for it; absent when it was granted directly.',
            type: 'string',
          },
          requestedAt: {
            type: 'string',
          },
          refusedBy: {
            type: 'string',
          },
          refusedAt: {
            type: 'string',
          },
          decisionComment: {
            description: "The approver's comment on granting or refusing.",
            type: 'string',
          },
          remindedAt: {
            description: 'When the owner was reminded of the coming expiry.',
            type: 'string',
          },
          revokedAt: {
            type: 'string',
          },
          revokedBy: {
            type: 'string',
          },
          scorecardId: {
            type: 'string',
          },
          state: {
            description:
              'pending (requested), active (granted and in force), refused, expired or revoked.',
            enum: ['pending', 'active', 'refused', 'expired', 'revoked'],
            type: 'string',
          },
        },
        required: [
          'checkId',
          'entityRef',
          'expiresAt',
          'id',
          'reason',
          'scorecardId',
          'state',
        ],
        type: 'object',
      },
      ScorecardHistory: {
        additionalProperties: false,
        properties: {
          changes: {
            items: {
              additionalProperties: false,
              properties: {
                checks: {
                  additionalProperties: {
                    type: 'string',
                  },
                  type: 'object',
                },
                level: {
                  type: 'string',
                  nullable: true,
                },
                levelIndex: {
                  type: 'number',
                },
                recordedAt: {
                  type: 'string',
                },
              },
              required: ['recordedAt', 'level', 'levelIndex', 'checks'],
              type: 'object',
            },
            type: 'array',
            nullable: true,
          },
          days: {
            items: {
              $ref: '#/components/schemas/ScorecardHistoryDayView',
            },
            type: 'array',
          },
          from: {
            type: 'string',
          },
          scorecardId: {
            type: 'string',
          },
          to: {
            type: 'string',
          },
        },
        required: ['scorecardId', 'from', 'to', 'days', 'changes'],
        type: 'object',
      },
      ScorecardHistoryDayView: {
        additionalProperties: false,
        description: "Entities per level on one day of a scorecard's history.",
        properties: {
          day: {
            description: '`YYYY-MM-DD`, UTC.',
            type: 'string',
          },
          entities: {
            type: 'number',
          },
          levels: {
            description: 'Every level of the scorecard, lowest first.',
            items: {
              additionalProperties: false,
              properties: {
                entities: {
                  type: 'number',
                },
                name: {
                  type: 'string',
                },
              },
              required: ['name', 'entities'],
              type: 'object',
            },
            type: 'array',
          },
          noLevel: {
            description: 'Entities that reached no level.',
            type: 'number',
          },
        },
        required: ['day', 'entities', 'noLevel', 'levels'],
        type: 'object',
      },
      ScorecardLevelResult: {
        additionalProperties: false,
        description: 'One level of a scorecard for one entity.',
        properties: {
          failed: {
            description: 'Ids of the checks that failed.',
            items: {
              type: 'string',
            },
            type: 'array',
          },
          name: {
            type: 'string',
          },
          passed: {
            description:
              'Whether every check of this level passed or is exempt; lower levels are not considered.',
            type: 'boolean',
          },
          unknown: {
            description:
              'Ids of the checks without data ("no data"); they keep the level from being reached.',
            items: {
              type: 'string',
            },
            type: 'array',
          },
        },
        required: ['name', 'passed', 'failed', 'unknown'],
        type: 'object',
      },
      ScorecardLevelRollup: {
        additionalProperties: false,
        description: 'Entities of a group at one level.',
        properties: {
          atOrAbove: {
            description: 'Entities at this level or a higher one.',
            type: 'number',
          },
          entities: {
            description: 'Entities whose reached level is exactly this one.',
            type: 'number',
          },
          name: {
            type: 'string',
          },
        },
        required: ['name', 'entities', 'atOrAbove'],
        type: 'object',
      },
      ScorecardList: {
        additionalProperties: false,
        properties: {
          items: {
            items: {
              $ref: '#/components/schemas/ScorecardDefinitionView',
            },
            type: 'array',
          },
        },
        required: ['items'],
        type: 'object',
      },
      ScorecardResultPage: {
        additionalProperties: false,
        properties: {
          items: {
            items: {
              $ref: '#/components/schemas/ScorecardResultView',
            },
            type: 'array',
          },
          nextCursor: {
            type: 'string',
            nullable: true,
          },
        },
        required: ['items', 'nextCursor'],
        type: 'object',
      },
      ScorecardResultView: {
        additionalProperties: false,
        description:
          "A scorecard's latest result for one entity, as the API serves it.",
        properties: {
          checks: {
            items: {
              $ref: '#/components/schemas/ScorecardCheckView',
            },
            type: 'array',
          },
          domainRef: {
            type: 'string',
            nullable: true,
          },
          entityRef: {
            type: 'string',
          },
          evaluatedAt: {
            description: 'ISO 8601.',
            type: 'string',
          },
          level: {
            description: 'The level reached; `null` when not even the first.',
            type: 'string',
            nullable: true,
          },
          levelIndex: {
            description:
              "Index of `level` in the scorecard's levels, -1 when none.",
            type: 'number',
          },
          levels: {
            items: {
              $ref: '#/components/schemas/ScorecardLevelResult',
            },
            type: 'array',
          },
          nextLevel: {
            type: 'string',
            nullable: true,
          },
          ownerRef: {
            type: 'string',
            nullable: true,
          },
          scorecardId: {
            type: 'string',
          },
          systemRef: {
            type: 'string',
            nullable: true,
          },
          tier: {
            type: 'number',
            nullable: true,
          },
          title: {
            type: 'string',
          },
        },
        required: [
          'scorecardId',
          'title',
          'entityRef',
          'ownerRef',
          'systemRef',
          'domainRef',
          'tier',
          'level',
          'levelIndex',
          'nextLevel',
          'evaluatedAt',
          'levels',
          'checks',
        ],
        type: 'object',
      },
      ScorecardRollupGroupBy: {
        description: 'What results are grouped by in a rollup.',
        enum: ['owner', 'system', 'domain'],
        type: 'string',
      },
      ScorecardRollupGroupView: {
        additionalProperties: false,
        properties: {
          checks: {
            description: "In the scorecard's order.",
            items: {
              $ref: '#/components/schemas/ScorecardCheckRollup',
            },
            type: 'array',
          },
          entities: {
            description: 'Entities the scorecard applies to.',
            type: 'number',
          },
          key: {
            type: 'string',
            nullable: true,
          },
          levels: {
            description: 'Lowest level first.',
            items: {
              $ref: '#/components/schemas/ScorecardLevelRollup',
            },
            type: 'array',
          },
          noLevel: {
            description: 'Entities that reached no level.',
            type: 'number',
          },
          scorecardId: {
            type: 'string',
          },
        },
        required: [
          'checks',
          'entities',
          'key',
          'levels',
          'noLevel',
          'scorecardId',
        ],
        type: 'object',
      },
      ScorecardRollups: {
        additionalProperties: false,
        properties: {
          groupBy: {
            $ref: '#/components/schemas/ScorecardRollupGroupBy',
          },
          groups: {
            items: {
              $ref: '#/components/schemas/ScorecardRollupGroupView',
            },
            type: 'array',
          },
          scorecardId: {
            type: 'string',
          },
        },
        required: ['scorecardId', 'groupBy', 'groups'],
        type: 'object',
      },
      ValidatedOnCallShift: {
        additionalProperties: false,
        description:
          'An on-call shift whose timestamps have been checked and converted to epoch milliseconds.',
        properties: {
          endMs: {
            type: 'number',
          },
          shift: {
            $ref: '#/components/schemas/OnCallShift',
          },
          startMs: {
            type: 'number',
          },
          timeZone: {
            description: "The shift's time zone when it gave a valid one.",
            type: 'string',
          },
        },
        required: ['shift', 'startMs', 'endMs'],
        type: 'object',
      },
      RunbookWalkStep: {
        additionalProperties: false,
        description:
          'One step of a walk through a decision-tree runbook; `answer` is the label chosen at a question.',
        properties: {
          node: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          answer: {
            type: 'string',
            maxLength: 500,
          },
        },
        required: ['node'],
        type: 'object',
      },
      RunbookWalkOutcome: {
        type: 'string',
        enum: ['resolved', 'escalate', 'abandoned'],
      },
      RunbookWalkView: {
        additionalProperties: false,
        description: "A walk someone recorded through an entity's runbook.",
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          alert: {
            type: 'string',
          },
          path: {
            items: {
              $ref: '#/components/schemas/RunbookWalkStep',
            },
            type: 'array',
          },
          outcome: {
            $ref: '#/components/schemas/RunbookWalkOutcome',
          },
          walkedBy: {
            type: 'string',
          },
          walkedAt: {
            type: 'string',
          },
          contentHash: {
            type: 'string',
          },
        },
        required: [
          'id',
          'entityRef',
          'path',
          'outcome',
          'walkedBy',
          'walkedAt',
          'contentHash',
        ],
        type: 'object',
      },
      RunbookWalkList: {
        additionalProperties: false,
        properties: {
          items: {
            items: {
              $ref: '#/components/schemas/RunbookWalkView',
            },
            type: 'array',
          },
        },
        required: ['items'],
        type: 'object',
      },
      RunbookFlagView: {
        additionalProperties: false,
        description:
          "A responder's note that a step of a runbook is wrong or outdated.",
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          node: {
            type: 'string',
          },
          comment: {
            type: 'string',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['open', 'resolved'],
          },
          resolvedBy: {
            type: 'string',
          },
          resolvedAt: {
            type: 'string',
          },
          resolution: {
            type: 'string',
          },
        },
        required: [
          'id',
          'entityRef',
          'node',
          'comment',
          'createdBy',
          'createdAt',
          'status',
        ],
        type: 'object',
      },
      RunbookFlagList: {
        additionalProperties: false,
        properties: {
          items: {
            items: {
              $ref: '#/components/schemas/RunbookFlagView',
            },
            type: 'array',
          },
        },
        required: ['items'],
        type: 'object',
      },
      RunbookTreeSource: {
        additionalProperties: false,
        description: 'Where the decision-tree runbook is read from.',
        properties: {
          location: {
            description: 'The reliability/runbook annotation as written.',
            type: 'string',
          },
          file: {
            description:
              'The resolved file, a URL or file:<path>, as problems name it.',
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
        required: ['location', 'file'],
        type: 'object',
      },
      RunbookTree: {
        description:
          "A parsed decision-tree runbook (apiVersion reliability.dev/v1, kind Runbook). Nodes are questions (question, answers) or actions (action, commands, links, next or end, escalation), each with its evidence and location; see the common package's RunbookTree.",
        properties: {
          file: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          start: {
            type: 'string',
          },
          entryPoints: {
            items: {
              additionalProperties: false,
              properties: {
                alert: {
                  type: 'string',
                },
                node: {
                  type: 'string',
                },
              },
              required: ['alert', 'node'],
              type: 'object',
            },
            type: 'array',
          },
          nodes: {
            items: {
              properties: {
                id: {
                  type: 'string',
                },
                type: {
                  type: 'string',
                  enum: ['question', 'action'],
                },
                title: {
                  type: 'string',
                },
              },
              required: ['id', 'type', 'title'],
              type: 'object',
            },
            type: 'array',
          },
        },
        required: ['file', 'name', 'title', 'start', 'entryPoints', 'nodes'],
        type: 'object',
      },
      EntityRunbookTreeView: {
        additionalProperties: false,
        description:
          'The decision-tree runbook of an entity: `GET /entities/{kind}/{namespace}/{name}/runbook-tree`.',
        properties: {
          entityRef: {
            type: 'string',
          },
          source: {
            $ref: '#/components/schemas/RunbookTreeSource',
          },
          runbook: {
            $ref: '#/components/schemas/RunbookTree',
          },
          problems: {
            items: {
              $ref: '#/components/schemas/SpecProblem',
            },
            type: 'array',
          },
          contentHash: {
            type: 'string',
          },
          lastChangedAt: {
            description:
              "When the backend first read the file's current content. ISO 8601.",
            type: 'string',
          },
          lastWalk: {
            $ref: '#/components/schemas/RunbookWalkView',
          },
          openFlags: {
            items: {
              $ref: '#/components/schemas/RunbookFlagView',
            },
            type: 'array',
          },
          canFlag: {
            type: 'boolean',
          },
          canResolveFlags: {
            type: 'boolean',
          },
        },
        required: [
          'entityRef',
          'problems',
          'openFlags',
          'canFlag',
          'canResolveFlags',
        ],
        type: 'object',
      },
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        description: 'Liveness; needs no credentials.',
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    status: {
                      type: 'string',
                    },
                  },
                  required: ['status'],
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos': {
      get: {
        operationId: 'GetEntitySlos',
        description:
          'Every SLO of an entity with its budget, burn rates, alert and policy state, and the problems found in its SLO files.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySlos',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/rules': {
      get: {
        operationId: 'GetEntityRules',
        description:
          "The Prometheus rule groups (identical to Sloth's) for the entity's SLOs, as YAML or JSON.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'format',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['yaml', 'json'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    groups: {
                      type: 'array',
                      items: {
                        type: 'object',
                      },
                    },
                    problems: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SpecProblem',
                      },
                    },
                  },
                },
              },
              'text/yaml': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/slos': {
      get: {
        operationId: 'ListSlos',
        description:
          'Organisation-wide listing for reviews, filtered and paginated.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'tier',
            in: 'query',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'state',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['healthy', 'warning', 'exhausted', 'unknown'],
            },
          },
          {
            name: 'limit',
            in: 'query',
            description: 'Decimal digits, 1 to 500; default 50.',
            schema: {
              type: 'string',
              maxLength: 16,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Slo',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                      nullable: true,
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/slos/{sloId}/history': {
      get: {
        operationId: 'GetSloHistory',
        description:
          "SLI, burn rate and budget remaining over time, recomputed at every step from the SLO's SLI data (the budget burn-down as the SLO window saw it), with the policy and alert thresholds and the entity's alerts in the range. Without `step`, about 300-500 points in whole minutes.",
        parameters: [
          {
            $ref: '#/components/parameters/sloId',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            name: 'step',
            in: 'query',
            schema: {
              type: 'string',
              description: 'Prometheus duration, e.g. 1h',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    sloId: {
                      type: 'string',
                    },
                    from: {
                      type: 'string',
                      format: 'date-time',
                    },
                    to: {
                      type: 'string',
                      format: 'date-time',
                    },
                    stepMs: {
                      type: 'number',
                    },
                    basis: {
                      type: 'string',
                      enum: ['sli-data', 'evaluations'],
                      description:
                        'sli-data: every step recomputed from the stored or queried SLI data; evaluations: sampled from the evaluations stored since the backend started, when the SLI source cannot be read.',
                    },
                    noDataReason: {
                      type: 'string',
                      nullable: true,
                      description:
                        'Why the range has no values; null when it has some.',
                    },
                    policyThresholds: {
                      type: 'object',
                      additionalProperties: false,
                      properties: {
                        warningRemainingBelow: {
                          type: 'number',
                        },
                        exhaustedRemainingAtOrBelow: {
                          type: 'number',
                        },
                        warningBurnRateAbove: {
                          type: 'number',
                        },
                        warningBurnRateWindow: {
                          type: 'string',
                        },
                      },
                      required: [
                        'warningRemainingBelow',
                        'exhaustedRemainingAtOrBelow',
                        'warningBurnRateAbove',
                        'warningBurnRateWindow',
                      ],
                    },
                    burnRateThresholds: {
                      type: 'array',
                      items: {
                        type: 'object',
                        additionalProperties: false,
                        properties: {
                          severity: {
                            type: 'string',
                            enum: ['page', 'ticket'],
                          },
                          shortWindow: {
                            type: 'string',
                          },
                          longWindow: {
                            type: 'string',
                          },
                          burnRate: {
                            type: 'number',
                          },
                        },
                        required: [
                          'severity',
                          'shortWindow',
                          'longWindow',
                          'burnRate',
                        ],
                      },
                    },
                    alerts: {
                      type: 'array',
                      description:
                        "Alerts of the SLO's entity triggered in the range, oldest first (at most 200).",
                      items: {
                        type: 'object',
                        additionalProperties: false,
                        properties: {
                          triggeredAt: {
                            type: 'string',
                            format: 'date-time',
                          },
                          resolvedAt: {
                            type: 'string',
                            format: 'date-time',
                            nullable: true,
                          },
                          alertName: {
                            type: 'string',
                            nullable: true,
                          },
                          urgency: {
                            type: 'string',
                            enum: ['high', 'low'],
                          },
                        },
                        required: [
                          'triggeredAt',
                          'resolvedAt',
                          'alertName',
                          'urgency',
                        ],
                      },
                    },
                    budgetAdjustments: {
                      type: 'array',
                      description:
                        "Occurrences of the SLO's budget adjustments (file and API) overlapping the range, oldest first; the points leave their events out.",
                      items: {
                        type: 'object',
                        additionalProperties: false,
                        properties: {
                          id: {
                            type: 'string',
                          },
                          source: {
                            type: 'string',
                            enum: ['file', 'api'],
                          },
                          name: {
                            type: 'string',
                          },
                          start: {
                            type: 'string',
                            format: 'date-time',
                          },
                          end: {
                            type: 'string',
                            format: 'date-time',
                          },
                        },
                        required: ['id', 'source', 'name', 'start', 'end'],
                      },
                    },
                    points: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/HistoryPoint',
                      },
                    },
                  },
                  required: [
                    'sloId',
                    'from',
                    'to',
                    'stepMs',
                    'basis',
                    'noDataReason',
                    'policyThresholds',
                    'burnRateThresholds',
                    'alerts',
                    'points',
                  ],
                  additionalProperties: false,
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown SLO',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/slos/{sloId}/events': {
      post: {
        operationId: 'PushSloEvents',
        description:
          'Pushes good/total (or good/bad) counts per time bucket for a push SLO. Idempotent per bucket. Needs the permission reliability.sli.write.',
        parameters: [
          {
            $ref: '#/components/parameters/sloId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  buckets: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 10000,
                    items: {
                      $ref: '#/components/schemas/EventBucket',
                    },
                  },
                },
                required: ['buckets'],
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Accepted',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    accepted: {
                      type: 'number',
                    },
                  },
                  required: ['accepted'],
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown SLO',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/refresh': {
      post: {
        operationId: 'RefreshEntitySlos',
        description:
          "Re-reads the entity's SLO files now and returns the result. The catalog module calls it when an entity changes.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySlos',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/oncall': {
      get: {
        operationId: 'GetEntityOnCall',
        description:
          "Who is on call for the entity now and next, the escalation chain, contact links, where the answer came from (the entity's own PagerDuty or Opsgenie annotations, else its owner group's rotation or provider) and how fresh it is. Says why when nothing resolves.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityOnCall',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/oncall': {
      get: {
        operationId: 'GetOwnerOnCall',
        description:
          'The on-call answer of every entity a group owns, or a user and their groups own.',
        parameters: [
          {
            $ref: '#/components/parameters/owner',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OwnerOnCall',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown owner',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/runbooks': {
      get: {
        operationId: 'GetEntityRunbooks',
        description:
          "The entity's runbooks (links of type runbook, the reliability/runbook annotation and the runbook annotations of its SLO alerts) with their last checks, and the paging alerts that have no runbook.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityRunbooksView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/runbooks/{runbookId}/content': {
      get: {
        operationId: 'GetRunbookContent',
        description:
          'The Markdown text of a runbook kept in the repository, for the frontend to render after sanitizing. Never HTML.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'runbookId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[a-f0-9]{1,64}$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookContent',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity or runbook',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/alerts': {
      get: {
        operationId: 'GetEntityAlerts',
        description:
          "The entity's alerts triggered in the period, oldest first.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            name: 'limit',
            in: 'query',
            description: 'Decimal digits, 1 to 5000; default 500.',
            schema: {
              type: 'string',
              maxLength: 16,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertList',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/alert-quality': {
      get: {
        operationId: 'GetEntityAlertQuality',
        description:
          'Alert quality of the entity over the period - pages per shift, actionable and false-positive ratios, MTTA, MTTR, sleep-hour interruptions, flapping and the noisiest alerts.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertQualityView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/alert-quality': {
      get: {
        operationId: 'GetOwnerAlertQuality',
        description:
          "Alert quality of every entity a group owns, a system holds or the systems of a domain hold, together and per entity. A group's shifts are its own on-call schedule's; a system's or domain's are those of its entities' owner groups.",
        parameters: [
          {
            name: 'owner',
            in: 'query',
            required: true,
            description:
              'A group, system or domain entity ref (payments means group:default/payments).',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 512,
            },
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertQualityView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown owner',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/alerts/{alertId}/triage': {
      post: {
        operationId: 'TriageAlert',
        description:
          'Marks a page actionable or not actionable. Needs the permission reliability.alert.triage.',
        parameters: [
          {
            name: 'alertId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[a-f0-9]{32}$',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  actionable: {
                    type: 'boolean',
                  },
                },
                required: ['actionable'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Alert',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown alert',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/alerts/alertmanager': {
      post: {
        operationId: 'ReceiveAlertmanagerWebhook',
        description:
          "Alertmanager's webhook receiver (payload version 4). Authenticated by the bearer token in reliability.alertmanager.webhookToken, which Alertmanager sends with http_config.authorization.credentials. Alerts map to entities by their backstage_entity label or the configured label-to-annotation matchers; unmapped alerts are listed in the answer, not stored.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AlertmanagerDelivery',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No or wrong token',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'The receiver is not enabled',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/scorecards': {
      get: {
        operationId: 'GetEntityScorecards',
        description:
          "Every applicable scorecard's latest result for the entity, with each check's status, message, remediation, docs link and exemption. Evaluates the entity on a first visit.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScorecards',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/scorecards/evaluate': {
      post: {
        operationId: 'EvaluateEntityScorecards',
        description:
          "Evaluates the entity's scorecards now and returns the results.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScorecards',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/scorecards': {
      get: {
        operationId: 'ListScorecards',
        description:
          "The scorecard definitions, with each check's description.",
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardList',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/scorecards/results': {
      get: {
        operationId: 'ListScorecardResults',
        description:
          'Latest results across the organisation, filtered, sorted and paginated by an opaque cursor.',
        parameters: [
          {
            name: 'scorecard',
            in: 'query',
            description: 'A scorecard id.',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'owner',
            in: 'query',
            description: 'Owner entity ref; team-a means group:default/team-a.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'tier',
            in: 'query',
            description: 'Reliability tier, 1 to 4.',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
          {
            name: 'kind',
            in: 'query',
            description: 'Entity kind, e.g. component.',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'level',
            in: 'query',
            description: 'A level name of the scorecard, or none.',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'exempted',
            in: 'query',
            description:
              'true for only the results with an exemption in force for one of their checks.',
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
          {
            name: 'sort',
            in: 'query',
            description: 'Sort key.',
            schema: {
              type: 'string',
              enum: ['entity', 'level', 'owner', 'evaluatedAt'],
            },
          },
          {
            name: 'order',
            in: 'query',
            description: 'Sort order.',
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
            },
          },
          {
            name: 'limit',
            in: 'query',
            description: 'Decimal digits, 1 to 500; default 50.',
            schema: {
              type: 'string',
              maxLength: 16,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            description: 'The nextCursor of the previous page.',
            schema: {
              type: 'string',
              maxLength: 2048,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardResultPage',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/scorecards/results.csv': {
      get: {
        operationId: 'ExportScorecardResults',
        description:
          'The same listing as CSV with a header row and every matching result (all pages), streamed.',
        parameters: [
          {
            name: 'scorecard',
            in: 'query',
            description: 'A scorecard id.',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'owner',
            in: 'query',
            description: 'Owner entity ref; team-a means group:default/team-a.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'tier',
            in: 'query',
            description: 'Reliability tier, 1 to 4.',
            schema: {
              type: 'string',
              maxLength: 8,
            },
          },
          {
            name: 'kind',
            in: 'query',
            description: 'Entity kind, e.g. component.',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'level',
            in: 'query',
            description: 'A level name of the scorecard, or none.',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'exempted',
            in: 'query',
            description:
              'true for only the results with an exemption in force for one of their checks.',
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
          {
            name: 'sort',
            in: 'query',
            description: 'Sort key.',
            schema: {
              type: 'string',
              enum: ['entity', 'level', 'owner', 'evaluatedAt'],
            },
          },
          {
            name: 'order',
            in: 'query',
            description: 'Sort order.',
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/scorecards/{scorecardId}/rollups': {
      get: {
        operationId: 'GetScorecardRollups',
        description:
          'Entities per level and pass rate per check, per owner, system or domain.',
        parameters: [
          {
            name: 'scorecardId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
            },
          },
          {
            name: 'groupBy',
            in: 'query',
            description: 'What to group by; default owner.',
            schema: {
              type: 'string',
              enum: ['owner', 'system', 'domain'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardRollups',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/scorecards/{scorecardId}/history': {
      get: {
        operationId: 'GetScorecardHistory',
        description:
          'Entities per level per day, for one entity, one owner or all; with an entity, its changes too.',
        parameters: [
          {
            name: 'scorecardId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
            },
          },
          {
            name: 'entityRef',
            in: 'query',
            description: 'An entity ref.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'owner',
            in: 'query',
            description: 'Owner entity ref.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'from',
            in: 'query',
            description:
              'An RFC 3339 / ISO 8601 date or date-time, 1970 to 9999; default 90 days before to.',
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
          {
            name: 'to',
            in: 'query',
            description:
              'An RFC 3339 / ISO 8601 date or date-time, 1970 to 9999; default now.',
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardHistory',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/scorecards/definition-status': {
      get: {
        operationId: 'GetScorecardDefinitionStatus',
        description:
          "Where the served scorecards come from, when the files were last read, and every problem of the definitions with its file, line and key path (and whether the file's previous definitions are served instead).",
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardDefinitionStatus',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/scorecards/dry-run': {
      post: {
        operationId: 'DryRunScorecard',
        description:
          'Evaluates a draft scorecard on the stored facts of every entity and stores nothing. A draft with problems answers 400, its message one line per problem (`draft:line:column: path message`). Needs the permission reliability.scorecard.dry-run.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  yaml: {
                    type: 'string',
                    maxLength: 262144,
                    description:
                      "A scorecard file's text (a list of scorecards, or a mapping with a `scorecards` list).",
                  },
                  definition: {
                    description: 'A scorecard (or a list of them) as JSON.',
                  },
                },
                minProperties: 1,
                maxProperties: 1,
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardDryRun',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/exemptions': {
      get: {
        operationId: 'ListScorecardExemptions',
        description: 'Exemptions of entities the caller may read.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            description: 'An entity ref.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'scorecard',
            in: 'query',
            description: 'A scorecard id.',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'state',
            in: 'query',
            description: "Exemption state; `pending` is the approvers' queue.",
            schema: {
              type: 'string',
              enum: ['pending', 'active', 'refused', 'expired', 'revoked'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ExemptionList',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      post: {
        operationId: 'CreateScorecardExemption',
        description:
          'Grants an exemption of a check until a date. Needs the permission reliability.exemption.create.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  entityRef: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 512,
                  },
                  scorecardId: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  checkId: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  reason: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                  },
                  expiresAt: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 64,
                  },
                },
                required: [
                  'entityRef',
                  'scorecardId',
                  'checkId',
                  'reason',
                  'expiresAt',
                ],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Granted',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardExemptionView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/exemptions/{exemptionId}/revoke': {
      post: {
        operationId: 'RevokeScorecardExemption',
        description:
          'Revokes an active exemption. Needs the permission reliability.exemption.approve or reliability.exemption.create.',
        parameters: [
          {
            name: 'exemptionId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardExemptionView',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Conflict',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/exemptions/{exemptionId}/audit': {
      get: {
        operationId: 'GetScorecardExemptionAudit',
        description: 'Every grant, revocation and expiry of the exemption.',
        parameters: [
          {
            name: 'exemptionId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ExemptionAudit',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/exemptions': {
      get: {
        operationId: 'GetEntityExemptions',
        description:
          "The entity's exemptions and requests in every state, the audit trail of all of them (oldest first), and what the caller may do.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityExemptions',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/exemption-requests': {
      post: {
        operationId: 'RequestScorecardExemption',
        description:
          "Asks for an exemption of one check until a date, pending an approver's decision. Needs the permission reliability.exemption.request, and the caller must own the entity (or hold reliability.exemption.approve).",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  scorecardId: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  checkId: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  reason: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                  },
                  expiresAt: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 64,
                  },
                },
                required: ['scorecardId', 'checkId', 'reason', 'expiresAt'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Requested',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardExemptionView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'A request for the same check is pending already',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/exemptions/{exemptionId}/decision': {
      post: {
        operationId: 'DecideScorecardExemption',
        description:
          'Grants or refuses a pending request; refusing needs a comment. Needs the permission reliability.exemption.approve.',
        parameters: [
          {
            name: 'exemptionId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  decision: {
                    type: 'string',
                    enum: ['grant', 'refuse'],
                  },
                  comment: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
                required: ['decision'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Decided',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardExemptionView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Not pending any more',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/campaigns': {
      get: {
        operationId: 'ListScorecardCampaigns',
        description: 'Every campaign.',
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CampaignList',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      post: {
        operationId: 'CreateScorecardCampaign',
        description:
          'Creates a campaign to bring entities to a level by a date. Needs the permission reliability.campaign.create.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  id: {
                    type: 'string',
                    pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                    maxLength: 100,
                  },
                  title: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                  },
                  scorecardId: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  targetLevel: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  dueDate: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 64,
                  },
                  filter: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      kind: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      type: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      lifecycle: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      namespace: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      owner: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      system: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      tier: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'integer',
                          minimum: 1,
                          maximum: 4,
                        },
                      },
                    },
                  },
                },
                required: [
                  'id',
                  'title',
                  'scorecardId',
                  'targetLevel',
                  'dueDate',
                ],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Conflict',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/campaigns/{campaignId}': {
      post: {
        operationId: 'EditScorecardCampaign',
        description:
          "Changes an open campaign's title, target level, entity selection and due date (its scorecard stays). Needs the permission reliability.campaign.create.",
        parameters: [
          {
            name: 'campaignId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  title: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                  },
                  targetLevel: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  dueDate: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 64,
                  },
                  filter: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      kind: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      type: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      lifecycle: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      namespace: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      owner: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      system: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 500,
                        items: {
                          type: 'string',
                          minLength: 1,
                          maxLength: 253,
                        },
                      },
                      tier: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'integer',
                          minimum: 1,
                          maximum: 4,
                        },
                      },
                    },
                  },
                },
                required: ['title', 'targetLevel', 'dueDate'],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Edited',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Closed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/campaigns/{campaignId}/close': {
      post: {
        operationId: 'CloseScorecardCampaign',
        description:
          'Closes a campaign; it keeps its history but records no more progress and sends no reminders. Needs the permission reliability.campaign.create.',
        parameters: [
          {
            name: 'campaignId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Closed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Closed already',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/campaigns/{campaignId}/progress': {
      get: {
        operationId: 'GetScorecardCampaignProgress',
        description:
          'Share at or above the target level now, the entities remaining with their owners, and progress per day.',
        parameters: [
          {
            name: 'campaignId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CampaignProgress',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/runbook-tree': {
      get: {
        operationId: 'GetEntityRunbookTree',
        description:
          "The entity's decision-tree runbook (the .yaml file its reliability/runbook annotation names) with every problem of the file (file, line, column, path), when it last changed and was last walked, its open flags and what the caller may do with them.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityRunbookTreeView',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity or flag',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/runbook-tree/walks': {
      get: {
        operationId: 'ListRunbookWalks',
        description:
          "The walks recorded through the entity's runbook, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookWalkList',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity or flag',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      post: {
        operationId: 'RecordRunbookWalk',
        description:
          "Records a walk through the entity's current runbook. The path must start at the alert's entry node (or the start) and follow the tree; the outcome is the end it reaches.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  alert: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 255,
                  },
                  path: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 500,
                    items: {
                      $ref: '#/components/schemas/RunbookWalkStep',
                    },
                  },
                },
                required: ['path'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookWalkView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity or flag',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/runbook-tree/flags': {
      get: {
        operationId: 'ListRunbookFlags',
        description:
          "The flags on the entity's runbook, oldest first; `status` narrows them.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['open', 'resolved'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookFlagList',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity or flag',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      post: {
        operationId: 'CreateRunbookFlag',
        description:
          "Flags a step of the entity's runbook as wrong or outdated. Needs the permission reliability.runbook.flag.create.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  node: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 255,
                  },
                  comment: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                  },
                },
                required: ['node', 'comment'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookFlagView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity or flag',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/runbook-tree/flags/{flagId}/resolve': {
      post: {
        operationId: 'ResolveRunbookFlag',
        description:
          "Resolves a flag of the entity's runbook. Needs the permission reliability.runbook.flag.resolve for the entity (a catalog-entity resource permission, so that a policy can grant it to the owners).",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'flagId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              pattern: '^[0-9a-f-]{36}$',
            },
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  comment: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunbookFlagView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown entity or flag',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/report': {
      get: {
        operationId: 'GetMonthlyReport',
        description:
          'The monthly reliability report of a group, system, domain or the organisation; per SLO attainment, budget and worst day, the pages of its entities (as GET /alert-quality answers them), scorecard level changes, campaign progress, and release blocks and overrides. Only entities the caller may read are included.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            description:
              'A group, system or domain entity ref (payments means group:default/payments); omit it for the whole organisation.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'month',
            in: 'query',
            required: true,
            description: 'A calendar month, YYYY-MM (UTC).',
            schema: {
              type: 'string',
              pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: [
                    'subject',
                    'scope',
                    'month',
                    'from',
                    'to',
                    'partial',
                    'generatedAt',
                    'entities',
                    'summary',
                    'slos',
                    'pages',
                    'levelChanges',
                    'campaigns',
                    'releases',
                  ],
                  properties: {
                    subject: {
                      type: 'string',
                    },
                    scope: {
                      type: 'string',
                      enum: ['group', 'system', 'domain', 'organisation'],
                    },
                    month: {
                      type: 'string',
                    },
                    from: {
                      type: 'string',
                    },
                    to: {
                      type: 'string',
                    },
                    partial: {
                      type: 'boolean',
                    },
                    generatedAt: {
                      type: 'string',
                    },
                    entities: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                    summary: {
                      type: 'object',
                      required: ['slos', 'met', 'missed', 'unknown'],
                      properties: {
                        slos: {
                          type: 'integer',
                        },
                        met: {
                          type: 'integer',
                        },
                        missed: {
                          type: 'integer',
                        },
                        unknown: {
                          type: 'integer',
                        },
                      },
                    },
                    slos: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: [
                          'id',
                          'entityRef',
                          'name',
                          'targetPercent',
                          'attainment',
                          'sli',
                          'budgetConsumed',
                          'budgetRemaining',
                          'worstDay',
                          'policyState',
                        ],
                        properties: {
                          id: {
                            type: 'string',
                          },
                          entityRef: {
                            type: 'string',
                          },
                          name: {
                            type: 'string',
                          },
                          targetPercent: {
                            type: 'number',
                          },
                          attainment: {
                            type: 'string',
                            enum: ['met', 'missed', 'unknown'],
                          },
                          sli: {
                            type: 'number',
                            nullable: true,
                          },
                          budgetConsumed: {
                            type: 'number',
                            nullable: true,
                          },
                          budgetRemaining: {
                            type: 'number',
                            nullable: true,
                          },
                          worstDay: {
                            type: 'object',
                            nullable: true,
                            required: ['day', 'sli'],
                            properties: {
                              day: {
                                type: 'string',
                              },
                              sli: {
                                type: 'number',
                              },
                            },
                          },
                          policyState: {
                            type: 'string',
                            enum: [
                              'healthy',
                              'warning',
                              'exhausted',
                              'unknown',
                            ],
                          },
                        },
                      },
                    },
                    pages: {
                      type: 'object',
                      nullable: true,
                      required: [
                        'from',
                        'to',
                        'pages',
                        'pagesPerShift',
                        'shifts',
                        'pagesPer12Hours',
                        'mttaMs',
                        'mttrMs',
                        'sleepHourPages',
                        'offHourPages',
                        'noisiest',
                      ],
                      properties: {
                        from: {
                          type: 'string',
                        },
                        to: {
                          type: 'string',
                        },
                        pages: {
                          type: 'integer',
                        },
                        pagesPerShift: {
                          type: 'number',
                          nullable: true,
                        },
                        shifts: {
                          type: 'integer',
                        },
                        pagesPer12Hours: {
                          type: 'number',
                        },
                        mttaMs: {
                          type: 'number',
                          nullable: true,
                        },
                        mttrMs: {
                          type: 'number',
                          nullable: true,
                        },
                        sleepHourPages: {
                          type: 'integer',
                        },
                        offHourPages: {
                          type: 'integer',
                        },
                        noisiest: {
                          type: 'array',
                          items: {
                            type: 'object',
                            required: [
                              'alertName',
                              'service',
                              'pages',
                              'noiseRatio',
                            ],
                            properties: {
                              alertName: {
                                type: 'string',
                              },
                              service: {
                                type: 'string',
                              },
                              pages: {
                                type: 'integer',
                              },
                              noiseRatio: {
                                type: 'number',
                                nullable: true,
                              },
                            },
                          },
                        },
                      },
                    },
                    levelChanges: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: [
                          'entityRef',
                          'scorecardId',
                          'from',
                          'to',
                          'at',
                        ],
                        properties: {
                          entityRef: {
                            type: 'string',
                          },
                          scorecardId: {
                            type: 'string',
                          },
                          from: {
                            type: 'string',
                            nullable: true,
                          },
                          to: {
                            type: 'string',
                            nullable: true,
                          },
                          at: {
                            type: 'string',
                          },
                        },
                      },
                    },
                    campaigns: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: [
                          'id',
                          'title',
                          'targetLevel',
                          'deadline',
                          'entities',
                          'reached',
                        ],
                        properties: {
                          id: {
                            type: 'string',
                          },
                          title: {
                            type: 'string',
                          },
                          targetLevel: {
                            type: 'string',
                          },
                          deadline: {
                            type: 'string',
                            nullable: true,
                          },
                          entities: {
                            type: 'integer',
                          },
                          reached: {
                            type: 'integer',
                          },
                        },
                      },
                    },
                    releases: {
                      type: 'object',
                      description:
                        'Release blocks and overrides of the month, from what the release gate recorded; no entities when the scope has no gate data.',
                      required: ['entities', 'total', 'decisionsTruncated'],
                      properties: {
                        entities: {
                          type: 'array',
                          items: {
                            type: 'object',
                            required: [
                              'entityRef',
                              'decisions',
                              'blockDecisions',
                              'warnDecisions',
                              'blockedMs',
                              'blockedAtEnd',
                              'overrides',
                            ],
                            properties: {
                              entityRef: {
                                type: 'string',
                              },
                              decisions: {
                                type: 'integer',
                              },
                              blockDecisions: {
                                type: 'integer',
                              },
                              warnDecisions: {
                                type: 'integer',
                              },
                              blockedMs: {
                                type: 'number',
                                nullable: true,
                                description:
                                  'Time the gate was blocked in the month (so far), from its recorded state changes; null when none was recorded.',
                              },
                              blockedAtEnd: {
                                type: 'boolean',
                              },
                              overrides: {
                                type: 'array',
                                items: {
                                  type: 'object',
                                  required: [
                                    'id',
                                    'entityRef',
                                    'approver',
                                    'reason',
                                    'from',
                                    'to',
                                    'revokedAt',
                                    'revokedBy',
                                  ],
                                  properties: {
                                    id: {
                                      type: 'string',
                                    },
                                    entityRef: {
                                      type: 'string',
                                    },
                                    approver: {
                                      type: 'string',
                                    },
                                    reason: {
                                      type: 'string',
                                    },
                                    from: {
                                      type: 'string',
                                    },
                                    to: {
                                      type: 'string',
                                    },
                                    revokedAt: {
                                      type: 'string',
                                      nullable: true,
                                    },
                                    revokedBy: {
                                      type: 'string',
                                      nullable: true,
                                    },
                                  },
                                },
                              },
                            },
                          },
                        },
                        total: {
                          type: 'object',
                          required: [
                            'decisions',
                            'blockDecisions',
                            'warnDecisions',
                            'blockedMs',
                            'entitiesBlocked',
                            'overrides',
                          ],
                          properties: {
                            decisions: {
                              type: 'integer',
                            },
                            blockDecisions: {
                              type: 'integer',
                            },
                            warnDecisions: {
                              type: 'integer',
                            },
                            blockedMs: {
                              type: 'number',
                            },
                            entitiesBlocked: {
                              type: 'integer',
                            },
                            overrides: {
                              type: 'integer',
                            },
                          },
                        },
                        decisionsTruncated: {
                          type: 'boolean',
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown or unreadable owner',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/report.md': {
      get: {
        operationId: 'GetMonthlyReportMarkdown',
        description:
          'The monthly reliability report as Markdown, for a wiki page or an e-mail.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            description:
              'A group, system or domain entity ref (payments means group:default/payments); omit it for the whole organisation.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'month',
            in: 'query',
            required: true,
            description: 'A calendar month, YYYY-MM (UTC).',
            schema: {
              type: 'string',
              pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'text/markdown': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown or unreadable owner',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/report.csv': {
      get: {
        operationId: 'GetMonthlyReportCsv',
        description:
          'A table of the monthly reliability report as CSV with a header row; the SLO table by default.',
        parameters: [
          {
            name: 'table',
            in: 'query',
            description:
              'slos (one row per SLO), releases (one row per entity with release gate data, then a total row) or overrides (one row per override granted in the month).',
            schema: {
              type: 'string',
              enum: ['slos', 'releases', 'overrides'],
            },
          },
          {
            name: 'owner',
            in: 'query',
            description:
              'A group, system or domain entity ref (payments means group:default/payments); omit it for the whole organisation.',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'month',
            in: 'query',
            required: true,
            description: 'A calendar month, YYYY-MM (UTC).',
            schema: {
              type: 'string',
              pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Unknown or unreadable owner',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/gate/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetReleaseGate',
        description:
          "The release decision for the entity (allow, warn or block) with its reasons, the policy applied and when a block is expected to lift. Recorded as a recent decision. Answers 200 whatever the decision, so that Argo Rollouts' web provider can read it.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'release',
            in: 'query',
            description: 'The declared kind of the release, e.g. fix.',
            schema: {
              type: 'string',
              maxLength: 63,
            },
          },
          {
            name: 'preview',
            in: 'query',
            description:
              "true to answer without recording a decision (the portal's view of the gate).",
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'ReleaseGateView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/gate/{kind}/{namespace}/{name}/decisions': {
      get: {
        operationId: 'ListReleaseGateDecisions',
        description: "The gate's recent answers for the entity, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'limit',
            in: 'query',
            description: 'Decimal digits, 1 to 200; default 20.',
            schema: {
              type: 'string',
              maxLength: 16,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'items of ReleaseDecisionRecordView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/gate/{kind}/{namespace}/{name}/overrides': {
      get: {
        operationId: 'ListReleaseOverrides',
        description: "The entity's release overrides, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'state',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['active', 'expired', 'revoked'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'items of ReleaseOverrideView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      post: {
        operationId: 'CreateReleaseOverride',
        description:
          "Grants a time-boxed override that lets the entity's releases pass a budget block (not a freeze). Needs the permission reliability.release.override; audited.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  reason: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                  },
                  expiresAt: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 64,
                  },
                },
                required: ['reason', 'expiresAt'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Granted',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'ReleaseOverrideView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/release-overrides/{overrideId}/revoke': {
      post: {
        operationId: 'RevokeReleaseOverride',
        description:
          'Revokes an active override. Needs the permission reliability.release.override; audited.',
        parameters: [
          {
            name: 'overrideId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'ReleaseOverrideView',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Conflict',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/release-overrides/{overrideId}/audit': {
      get: {
        operationId: 'GetReleaseOverrideAudit',
        description: 'Who granted and revoked the override, and when.',
        parameters: [
          {
            name: 'overrideId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'override and its audit items',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/gate/blocked': {
      get: {
        operationId: 'ListBlockedReleases',
        description:
          'The entities the caller may read whose releases are blocked, since when and why.',
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'items of BlockedReleaseView',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/gate/flagger': {
      post: {
        operationId: 'FlaggerReleaseGateWebhook',
        description:
          "Flagger's webhook (confirm-rollout, pre-rollout, rollout, confirm-traffic-increase, confirm-promotion). The canary maps to an entity by metadata.entity or the entity annotation reliability/flagger-canary (namespace/name); metadata.release names the release kind; metadata.token carries reliability.release.flagger.webhookToken. 200 lets the rollout proceed, 403 with the reason halts it.",
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description:
                  "Flagger's payload (name, namespace, phase, type, checksum, metadata); checked by the route after the token.",
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Proceed',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'proceed, decision, summary and entityRef',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/slos/{sloId}/budget-adjustments': {
      get: {
        operationId: 'ListBudgetAdjustments',
        description:
          'The budget adjustments of the SLO: those declared in its files (source file, changed by editing the file) and those declared through the API and not withdrawn (source api).',
        parameters: [
          {
            $ref: '#/components/parameters/sloId',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'items of BudgetAdjustmentView',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      post: {
        operationId: 'CreateBudgetAdjustment',
        description:
          "Declares a window excluded from the SLO's error budget (OpenSLO v2alpha BudgetAdjustment semantics). Needs the permission reliability.budget-adjustment.create; audited. The next evaluation honours it; generated Prometheus rules cannot.",
        parameters: [
          {
            $ref: '#/components/parameters/sloId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  name: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                  },
                  description: {
                    type: 'string',
                    maxLength: 2000,
                  },
                  firstEventStart: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 64,
                  },
                  duration: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 32,
                  },
                  rrule: {
                    type: 'string',
                    maxLength: 200,
                  },
                },
                required: ['name', 'firstEventStart', 'duration'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Declared',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'BudgetAdjustmentView',
                },
              },
            },
          },
          '400': {
            description: 'Bad input',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/budget-adjustments/{adjustmentId}/withdraw': {
      post: {
        operationId: 'WithdrawBudgetAdjustment',
        description:
          'Withdraws a budget adjustment. Needs the permission reliability.budget-adjustment.create; audited.',
        parameters: [
          {
            name: 'adjustmentId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'BudgetAdjustmentView',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Conflict',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/budget-adjustments/{adjustmentId}/audit': {
      get: {
        operationId: 'GetBudgetAdjustmentAudit',
        description: 'Who declared and withdrew the adjustment, and when.',
        parameters: [
          {
            name: 'adjustmentId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'adjustment and its audit items',
                },
              },
            },
          },
          '401': {
            description: 'No credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: "Declared in an SLO file, whose history is the file's",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
