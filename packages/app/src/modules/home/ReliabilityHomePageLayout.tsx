import { Fragment } from 'react';
import { Content } from '@backstage/core-components';
import { CustomHomepageGrid } from '@backstage/plugin-home';
import {
  HomePageDefaultConfigItem,
  HomePageLayoutProps,
} from '@backstage/plugin-home-react/alpha';

/**
 * Where the Reliability "On call for my services" widget sits when the configured default layout
 * (`page:home` `defaultConfig` in app-config.yaml) does not place it: below the starred entities.
 */
export const RELIABILITY_ON_CALL_PLACEMENT: HomePageDefaultConfigItem = {
  component: 'ReliabilityOnCall',
  column: 4,
  row: 6,
  width: 4,
  height: 5,
};

/** The configured default layout, with the on-call widget added when the layout lacks it. */
export function withReliabilityOnCall(
  defaultConfig: HomePageDefaultConfigItem[] = [],
): HomePageDefaultConfigItem[] {
  if (defaultConfig.some(item => item.component === 'ReliabilityOnCall')) {
    return defaultConfig;
  }
  // Whatever sat from row 6 down in the column moves down to make room.
  return [
    ...defaultConfig.map(item =>
      item.column === RELIABILITY_ON_CALL_PLACEMENT.column &&
      item.row >= RELIABILITY_ON_CALL_PLACEMENT.row
        ? { ...item, row: item.row + RELIABILITY_ON_CALL_PLACEMENT.height }
        : item,
    ),
    RELIABILITY_ON_CALL_PLACEMENT,
  ];
}

/**
 * The home page's grid as the home plugin draws it by default, with the Reliability on-call
 * widget in the default layout, so that it shows without editing the home page.
 */
export function ReliabilityHomePageLayout(props: HomePageLayoutProps) {
  const config = withReliabilityOnCall(props.defaultConfig).map(item => ({
    component: item.component,
    x: item.column,
    y: item.row,
    width: item.width,
    height: item.height,
    movable: item.movable,
    deletable: item.deletable,
    resizable: item.resizable,
  }));
  return (
    <Content>
      <CustomHomepageGrid config={config}>
        {props.widgets.map((widget, index) => (
          <Fragment key={widget.name ?? index}>{widget.component}</Fragment>
        ))}
      </CustomHomepageGrid>
    </Content>
  );
}
