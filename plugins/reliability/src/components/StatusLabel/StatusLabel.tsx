import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import HighlightOff from '@material-ui/icons/HighlightOff';
import HelpOutline from '@material-ui/icons/HelpOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';

/**
 * How a status reads: `ok`, `warning`, `error`, `unknown`, or `neutral` (e.g. exempt).
 */
export type StatusTone = 'ok' | 'warning' | 'error' | 'unknown' | 'neutral';

const useStyles = makeStyles(theme => ({
  ok: { color: theme.palette.success.main },
  warning: { color: theme.palette.warning.main },
  error: { color: theme.palette.error.main },
  unknown: { color: theme.palette.text.secondary },
  neutral: { color: theme.palette.info.main },
}));

// Each tone has an icon of its own shape, so the status never relies on colour alone.
const ICONS = {
  ok: CheckCircleOutline,
  warning: ReportProblemOutlined,
  error: HighlightOff,
  unknown: HelpOutline,
  neutral: RemoveCircleOutline,
};

/** A status as an icon plus text; the text carries the meaning, the icon and colour repeat it. */
export function StatusLabel(props: { tone: StatusTone; children: ReactNode }) {
  const classes = useStyles();
  const Icon = ICONS[props.tone];
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="center"
      style={{ gap: 4 }}
    >
      <Icon fontSize="small" className={classes[props.tone]} aria-hidden />
      <Typography variant="body2" component="span">
        {props.children}
      </Typography>
    </Box>
  );
}
