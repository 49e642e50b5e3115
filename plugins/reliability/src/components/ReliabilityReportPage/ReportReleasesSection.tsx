import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  MonthlyReportReleases,
  describeReleases,
  formatReportDuration,
} from '@reliability/backstage-plugin-common';

/**
 * The report's release gate section: decisions, time blocked and overrides per entity with the
 * scope's total, in dense tables that print small; one line when no gate data was recorded.
 */
export function ReportReleasesSection(props: {
  releases: MonthlyReportReleases;
}) {
  const { releases } = props;
  const overrides = releases.entities.flatMap(e => e.overrides);
  return (
    <Box mt={2} component="section">
      <InfoCard title="Release gate">
        <Typography>{describeReleases(releases)}</Typography>
        {releases.entities.length > 0 && (
          <Table size="small" aria-label="Release gate per entity">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell align="right">Decisions</TableCell>
                <TableCell align="right">Blocked</TableCell>
                <TableCell align="right">Warned</TableCell>
                <TableCell align="right">Time blocked</TableCell>
                <TableCell>Blocked at end</TableCell>
                <TableCell align="right">Overrides</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {releases.entities.map(e => (
                <TableRow key={e.entityRef}>
                  <TableCell>{e.entityRef}</TableCell>
                  <TableCell align="right">{e.decisions}</TableCell>
                  <TableCell align="right">{e.blockDecisions}</TableCell>
                  <TableCell align="right">{e.warnDecisions}</TableCell>
                  <TableCell align="right">
                    {formatReportDuration(e.blockedMs)}
                  </TableCell>
                  <TableCell>{e.blockedAtEnd ? 'yes' : 'no'}</TableCell>
                  <TableCell align="right">{e.overrides.length}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell component="th" scope="row">
                  Total
                </TableCell>
                <TableCell align="right">{releases.total.decisions}</TableCell>
                <TableCell align="right">
                  {releases.total.blockDecisions}
                </TableCell>
                <TableCell align="right">
                  {releases.total.warnDecisions}
                </TableCell>
                <TableCell align="right">
                  {formatReportDuration(releases.total.blockedMs)}
                </TableCell>
                <TableCell />
                <TableCell align="right">{releases.total.overrides}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        )}
        {overrides.length > 0 && (
          <Table size="small" aria-label="Overrides granted">
            <TableHead>
              <TableRow>
                <TableCell>Override of</TableCell>
                <TableCell>Granted by</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>From – to</TableCell>
                <TableCell>Revoked</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overrides.map(o => (
                <TableRow key={o.id}>
                  <TableCell>{o.entityRef}</TableCell>
                  <TableCell>{o.approver}</TableCell>
                  <TableCell>{o.reason}</TableCell>
                  <TableCell>
                    {o.from.slice(0, 16).replace('T', ' ')} –{' '}
                    {o.to.slice(0, 16).replace('T', ' ')} UTC
                  </TableCell>
                  <TableCell>
                    {o.revokedAt
                      ? `${o.revokedAt.slice(0, 16).replace('T', ' ')} by ${
                          o.revokedBy ?? 'unknown'
                        }`
                      : '–'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </InfoCard>
    </Box>
  );
}
