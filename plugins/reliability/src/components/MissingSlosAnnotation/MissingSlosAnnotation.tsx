import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Entity } from '@backstage/catalog-model';
import { RELIABILITY_SLOS_ANNOTATION } from '@reliability/backstage-plugin-common';
import { CodeBlock } from '../CodeBlock';

/**
 * Where the empty state's "Read more" button goes by default: the OpenSLO specification, the
 * format the SLO files are written in.
 *
 * @public
 */
export const DEFAULT_SLO_DOCS_URL = 'https://github.com/OpenSLO/OpenSLO#slo';

function catalogInfoSnippet(entity: Entity | undefined): string {
  const kind = entity?.kind ?? 'Component';
  const name = entity?.metadata.name ?? 'my-service';
  return `apiVersion: backstage.io/v1alpha1
kind: ${kind}
metadata:
  name: ${name}
  annotations:
    # SLO files, relative to this catalog-info.yaml (comma-separated), or http(s) URLs
    ${RELIABILITY_SLOS_ANNOTATION}: ./slos.yaml`;
}

function sloFileSnippet(entity: Entity | undefined): string {
  const name = entity?.metadata.name ?? 'my-service';
  return `# slos.yaml, beside catalog-info.yaml (OpenSLO v1)
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}-availability
  displayName: ${name} availability
spec:
  service: ${name}
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: ${name}-good-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{service="${name}",code!~"5.."}[{{.window}}]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{service="${name}"}[{{.window}}]))
  objectives:
    - displayName: Good requests
      target: 0.999`;
}

/**
 * What an entity without the `reliability/slos` annotation shows: the annotation to add, a
 * first SLO file to start from (both copyable) and where to read more.
 */
export function MissingSlosAnnotation(props: {
  entity?: Entity;
  docsUrl?: string;
}) {
  return (
    <EmptyState
      missing="field"
      title="No SLOs defined for this entity yet"
      description={
        <>
          Add the <code>{RELIABILITY_SLOS_ANNOTATION}</code> annotation to the
          entity's <code>catalog-info.yaml</code>, pointing at one or more SLO
          files (OpenSLO or Sloth). The SLOs, error budgets and burn rates show
          up here within a few minutes of the catalog reading the change.
        </>
      }
      action={
        <>
          <Typography variant="body1">
            1. Add the annotation to <code>catalog-info.yaml</code>:
          </Typography>
          <Box my={2}>
            <CodeBlock
              label="catalog-info.yaml with the annotation"
              text={catalogInfoSnippet(props.entity)}
              showLineNumbers
              highlightedLines={[7]}
            />
          </Box>
          <Typography variant="body1">
            2. Describe the objectives in <code>slos.yaml</code>:
          </Typography>
          <Box my={2}>
            <CodeBlock
              label="a first slos.yaml"
              text={sloFileSnippet(props.entity)}
            />
          </Box>
          <Button
            color="primary"
            variant="contained"
            href={props.docsUrl ?? DEFAULT_SLO_DOCS_URL}
            target="_blank"
            rel="noopener noreferrer"
          >
            Read more about SLO files
          </Button>
        </>
      }
    />
  );
}
