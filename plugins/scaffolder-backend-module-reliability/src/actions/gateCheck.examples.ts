import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** The examples the scaffolder shows for the action at /create/actions. */
export const gateCheckExamples: TemplateExample[] = [
  {
    description:
      'Stop the template before it deploys when the component has spent its error budget',
    example: yaml.stringify({
      steps: [
        {
          id: 'gate',
          name: 'Release gate',
          action: 'reliability:gate:check',
          input: { entityRef: '${{ parameters.component }}' },
        },
      ],
    }),
  },
  {
    description:
      'A hotfix: the release kind fix passes a budget block when the policy lets it (allowDuringBlock: [fix])',
    example: yaml.stringify({
      steps: [
        {
          id: 'gate',
          name: 'Release gate',
          action: 'reliability:gate:check',
          input: {
            entityRef: 'component:default/checkout',
            release: 'fix',
          },
        },
      ],
    }),
  },
  {
    description:
      'Fail on a warning too (little budget left, stale data), and go on when the backend cannot answer, telling the user',
    example: yaml.stringify({
      steps: [
        {
          id: 'gate',
          name: 'Release gate',
          action: 'reliability:gate:check',
          input: {
            entityRef: '${{ parameters.component }}',
            failOn: 'warn',
            onNoAnswer: 'continue',
          },
        },
        {
          id: 'notice',
          name: 'Deploying without the gate',
          if: "${{ steps.gate.output.decision === 'unknown' }}",
          action: 'debug:log',
          input: { message: '${{ steps.gate.output.summary }}' },
        },
      ],
      output: {
        links: [{ title: 'Release gate', url: '${{ steps.gate.output.url }}' }],
      },
    }),
  },
];
