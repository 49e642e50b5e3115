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
            type: 'object',
            nullable: true,
            allOf: [
              {
                $ref: '#/components/schemas/TimeWindow',
              },
            ],
          },
          status: {
            type: 'object',
            nullable: true,
            allOf: [
              {
                $ref: '#/components/schemas/SloStatus',
              },
            ],
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
                  type: 'object',
                  description: 'EntityOnCall (see reliability-common)',
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
                  type: 'object',
                  description: 'owner, owners and entities (EntityOnCall[])',
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
                  type: 'object',
                  description: 'EntityRunbooksView',
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
                  type: 'object',
                  description: 'markdown, url and lastModifiedAt',
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
                  type: 'object',
                  description: 'items (StoredAlert with id)',
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
                  type: 'object',
                  description: 'AlertQualityView',
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
          'Alert quality of every entity a group owns, together and per entity.',
        parameters: [
          {
            $ref: '#/components/parameters/owner',
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
                  type: 'object',
                  description: 'AlertQualityView with entities',
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
                  type: 'object',
                  description: 'The alert with its verdict',
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
                  type: 'object',
                  description: 'received, stored, merged and unmapped',
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
                  type: 'object',
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
                  type: 'object',
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
                  type: 'object',
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
                  type: 'object',
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
          'The same listing as CSV with a header row, every page up to 10,000 rows.',
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
                  type: 'object',
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
                  type: 'object',
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
            description: 'Exemption state.',
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
                  type: 'object',
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
          'Revokes an active exemption. Needs the permission reliability.exemption.create.',
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
                  type: 'object',
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
                  type: 'object',
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
                  type: 'object',
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
                  type: 'object',
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
                  type: 'object',
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
  },
} as const;
