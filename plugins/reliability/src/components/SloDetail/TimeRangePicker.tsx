import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';

/** One choice of the time-range picker. */
export interface TimeRangeOption {
  label: string;
  rangeMs: number;
}

/**
 * Buttons that pick the history range; a toggle group, so the chosen range is announced as
 * pressed and every choice is reachable with Tab and activated with Enter or Space.
 */
export function TimeRangePicker(props: {
  options: TimeRangeOption[];
  value: number;
  onChange: (rangeMs: number) => void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.value}
      aria-label="Time range"
      onChange={(_event, value: number | null) => {
        // A click on the chosen button deselects it; keep the range instead.
        if (value !== null) {
          props.onChange(value);
        }
      }}
    >
      {props.options.map(option => (
        <ToggleButton
          key={option.rangeMs}
          value={option.rangeMs}
          aria-label={`Last ${option.label}`}
        >
          {option.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
