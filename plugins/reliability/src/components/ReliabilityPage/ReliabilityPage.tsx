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
 * The suite's page. For now it proves that the frontend reaches the backend plugin; the review
 * page and the entity content arrive in their own issues.
 */
export function ReliabilityPage() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const status = useAsync(async () => {
    const baseUrl = await discoveryApi.getBaseUrl('reliability');
    const res = await fetchApi.fetch(`${baseUrl}/status`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as { status: string };
  }, [discoveryApi, fetchApi]);

  return (
    <Page themeId="tool">
      <Header
        title="Reliability"
        subtitle="SLOs, error budgets, on-call and readiness of your services"
      />
      <Content>
        <InfoCard title="Backend">
          {status.loading && <Progress />}
          {status.error && <ResponseErrorPanel error={status.error} />}
          {status.value && (
            <Typography>Reliability backend: {status.value.status}</Typography>
          )}
        </InfoCard>
      </Content>
    </Page>
  );
}
