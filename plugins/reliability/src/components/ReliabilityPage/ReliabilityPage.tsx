import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';

/**
 * The suite's page. For now it counts the catalog's SLOs by budget policy state; the review
 * page and the entity content arrive in their own issues.
 */
export function ReliabilityPage() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const status = useAsync(async () => {
    const baseUrl = await discoveryApi.getBaseUrl('reliability');
    const res = await fetchApi.fetch(`${baseUrl}/slos?limit=500`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    const page = (await res.json()) as {
      items: Array<{ status: { policy: { state: string } } | null }>;
    };
    const byState = new Map<string, number>();
    for (const slo of page.items) {
      const state = slo.status?.policy.state ?? 'unknown';
      byState.set(state, (byState.get(state) ?? 0) + 1);
    }
    return { total: page.items.length, byState: [...byState].sort() };
  }, [discoveryApi, fetchApi]);

  return (
    <Page themeId="tool">
      <Header
        title="Reliability"
        subtitle="SLOs, error budgets, on-call and readiness of your services"
      />
      <Content>
        <InfoCard title="SLOs in the catalog">
          {status.loading && <Progress />}
          {status.error && <ResponseErrorPanel error={status.error} />}
          {status.value && (
            <>
              <Typography>{status.value.total} SLOs</Typography>
              {status.value.byState.map(([state, count]) => (
                <Typography key={state}>
                  {state}: {count}
                </Typography>
              ))}
            </>
          )}
        </InfoCard>
      </Content>
    </Page>
  );
}
