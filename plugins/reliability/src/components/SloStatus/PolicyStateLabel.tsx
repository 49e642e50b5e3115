import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import HighlightOff from '@material-ui/icons/HighlightOff';
import HelpOutline from '@material-ui/icons/HelpOutline';
import { SloPolicyState } from '../../api';

const useStyles = makeStyles(theme => ({
  healthy: { color: theme.palette.success.main },
  warning: { color: theme.palette.warning.main },
  exhausted: { color: theme.palette.error.main },
  unknown: { color: theme.palette.text.secondary },
}));

const ICONS = {
  healthy: CheckCircleOutline,
  warning: ReportProblemOutlined,
  exhausted: HighlightOff,
  unknown: HelpOutline,
};

const TEXT: Record<SloPolicyState, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  exhausted: 'Exhausted',
  unknown: 'Unknown',
};

/**
 * A budget policy state as an icon of its own shape plus its name, so it never relies on
 * colour alone.
 */
export function PolicyStateLabel(props: {
  state: SloPolicyState;
  reason?: string;
}) {
  const classes = useStyles();
  const Icon = ICONS[props.state] ?? HelpOutline;
  return (
    <Box display="flex" alignItems="flex-start" style={{ gap: 4 }}>
      <Icon
        fontSize="small"
        className={classes[props.state] ?? classes.unknown}
        aria-hidden
      />
      <Box>
        <Typography variant="body2" component="span">
          <strong>{TEXT[props.state] ?? props.state}</strong>
        </Typography>
        {props.reason && (
          <Typography variant="caption" color="textSecondary" component="div">
            {props.reason}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
