/*
 * OpenTelemetry metrics for Prometheus, as Backstage's "Setup OpenTelemetry" tutorial does it:
 * a meter provider with a Prometheus exporter, installed before the backend starts, so that every
 * plugin's metrics service (the Reliability suite's SLO gauges among them) is served at
 * http://localhost:9466/metrics. 9466, not the exporter's default 9464, which the example's
 * synthetic metrics use. Set BACKEND_METRICS_PORT to move it, or BACKEND_METRICS_PORT=off to
 * serve no metrics.
 */
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';

const port = process.env.BACKEND_METRICS_PORT ?? '9466';
if (port !== 'off') {
  metrics.setGlobalMeterProvider(
    new MeterProvider({
      readers: [
        new PrometheusExporter({ port: Number(port) }, error => {
          if (error) {
            // Another backend (e.g. an e2e run beside `./dev start`) holds the port.
            process.stderr.write(
              `Metrics are not served on :${port} (${error.message}); set BACKEND_METRICS_PORT\n`,
            );
          }
        }),
      ],
    }),
  );
}
