import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  MonthlyReliabilityReport,
  monthlyReportToCsv,
  monthlyReportToMarkdown,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import { MonthlyReportService } from '../report/MonthlyReportService';
import { parseEnumParam, parseTextParam } from './requestParams';

const CSV_TABLES = ['slos', 'releases', 'overrides'] as const;

/**
 * What the report routes need.
 *
 * @internal
 */
export interface ReportRouteOptions {
  httpAuth: HttpAuthService;
  reports: MonthlyReportService;
}

/** The router the routes are added to; typed by the one method used. */
interface ReportRouteTarget {
  get(path: string, handler: express.RequestHandler): unknown;
}

/** A file name part: the subject ref without characters a file system refuses. */
function fileNameOf(report: MonthlyReliabilityReport): string {
  return `reliability-${report.subject.replace(/[^a-z0-9-]+/gi, '-')}-${
    report.month
  }`;
}

/**
 * Adds `GET /report`, `/report.md` and `/report.csv`: the monthly reliability report as JSON,
 * Markdown and CSV (downloads, with a file name; `?table=slos|releases|overrides` picks the CSV
 * table). Every route needs a user or service credential;
 * the report holds only what the caller may read.
 *
 * @internal
 */
export function registerReportRoutes(
  target: ReportRouteTarget,
  options: ReportRouteOptions,
): void {
  const { httpAuth, reports } = options;
  const read = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const owner = parseTextParam(req.query.owner, 'owner');
    const month = parseTextParam(req.query.month, 'month');
    if (!month) {
      throw new InputError("'month' is required, e.g. month=2026-12");
    }
    let subject: string | undefined;
    if (owner !== undefined) {
      try {
        subject = stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: 'default',
          }),
        );
      } catch {
        throw new InputError(
          `'owner' must be an entity ref such as group:default/payments, got '${owner}'`,
        );
      }
    }
    return reports.getReport({ subject, month, credentials });
  };
  const route =
    (
      handler: (req: express.Request, res: express.Response) => Promise<void>,
    ): express.RequestHandler =>
    (req, res, next) => {
      handler(req, res).catch(next);
    };

  target.get(
    '/report',
    route(async (req, res) => {
      res.json(await read(req));
    }),
  );
  target.get(
    '/report.md',
    route(async (req, res) => {
      const report = await read(req);
      res
        .type('text/markdown; charset=utf-8')
        .attachment(`${fileNameOf(report)}.md`)
        .send(monthlyReportToMarkdown(report));
    }),
  );
  target.get(
    '/report.csv',
    route(async (req, res) => {
      const table = parseEnumParam(
        req.query.table,
        'table',
        CSV_TABLES,
        'slos',
      );
      const report = await read(req);
      res
        .type('text/csv; charset=utf-8')
        .attachment(
          `${fileNameOf(report)}${table === 'slos' ? '' : `-${table}`}.csv`,
        )
        .send(monthlyReportToCsv(report, table));
    }),
  );
}
