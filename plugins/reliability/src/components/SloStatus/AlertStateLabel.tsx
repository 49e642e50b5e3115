import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import NotificationsActive from '@material-ui/icons/NotificationsActive';
import NotificationsNone from '@material-ui/icons/NotificationsNone';
import HelpOutline from '@material-ui/icons/HelpOutline';
import { SloAlertState } from '../../api';

const useStyles = makeStyles(theme => ({
  firing: { color: theme.palette.error.main },
  ok: { color: theme.palette.text.secondary },
  unknown: { color: theme.palette.text.secondary },
}));

const ICONS = {
  firing: NotificationsActive,
  ok: NotificationsNone,
  unknown: HelpOutline,
};

/** One burn-rate alert, e.g. "Page: firing", with an icon that differs per state. */
export function AlertStateLabel(props: {
  alert: 'Page' | 'Ticket';
  state: SloAlertState;
}) {
  const classes = useStyles();
  const Icon = ICONS[props.state] ?? HelpOutline;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      <Icon fontSize="small" className={classes[props.state]} aria-hidden />
      <Typography variant="body2" component="span">
        {props.alert}:{' '}
        {props.state === 'firing' ? <strong>firing</strong> : props.state}
      </Typography>
    </Box>
  );
}
