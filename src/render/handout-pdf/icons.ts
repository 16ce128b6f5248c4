import type { IconName } from './flow.js';

/**
 * Icon outlines as SVG path data in a 24 × 24 square (Material Design Icons, Apache-2.0: "warning",
 * "call", "info"), filled even-odd so the inner marks are cut out. The disc and the tick box are
 * drawn as shapes. Only draw.ts turns them into PDF operators.
 */
export const ICON_PATHS: Record<Exclude<IconName, 'disc' | 'checkbox'>, string> = {
  warning: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
  call:
    'M6.62 10.79c1.44 2.83 3.76 5.14 6.59 6.59l2.2-2.2c.27-.27.67-.36 1.02-.24 1.12.37 2.33.57 3.57.57.55 0 1 ' +
    '.45 1 1V20c0 .55-.45 1-1 1-9.39 0-17-7.61-17-17 0-.55.45-1 1-1h3.5c.55 0 1 .45 1 1 0 1.25.2 2.45.57 ' +
    '3.57.11.35.03.74-.25 1.02l-2.2 2.2z',
  tip: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z',
};
