import {
  Combobox,
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // A visible ring whenever focus comes from the keyboard.
  focusRing: 'auto',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // Render a select's option list only while it is open: a hidden list labelled like its input would
    // make "the field labelled X" ambiguous for assistive tech and for tests.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});

// WCAG AA for normal text: 4.5:1.
const AA = 4.5;
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The lightest shade (from the usual 6) that white text, or the shade as text on white, can be read on. */
function readableOnWhite(shades: MantineColorsTuple): string {
  for (const shade of shades.slice(6)) if (contrast(shade, '#ffffff') >= AA) return shade;
  let color = shades[9];
  while (contrast(color, '#ffffff') < AA) color = darken(color, 0.1);
  return color;
}

/** Light-variant text (alerts, badges, the current nav link) on its pale background, hovered or not. */
function readableOnPale(shades: MantineColorsTuple): string {
  let color = shades[9];
  while (contrast(color, shades[2]) < AA) color = darken(color, 0.1);
  return color;
}

/**
 * Mantine puts white text on shade 6 (light scheme) or 8 (dark) and pale-background text at shade 9, several
 * of which fall below WCAG AA (indigo 4.3:1, teal 2.6:1, orange 3.6:1), and its dimmed greys are 3.3:1 and
 * 4.0:1: every such pair is moved to the nearest shade that reads at 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' };
  // Dark: the dimmed grey (dark-2 on dark-7) is 4.0:1; one step lighter reads well.
  const dark: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' };
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark') continue;
    const filled = readableOnWhite(shades);
    // White text on a filled button or badge, in both schemes.
    for (const scheme of [light, dark]) {
      scheme[`--mantine-color-${name}-filled`] = filled;
      scheme[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    }
    light[`--mantine-color-${name}-outline`] = filled;
    light[`--mantine-color-${name}-text`] = filled;
    light[`--mantine-color-${name}-light-color`] = readableOnPale(shades);
  }
  light['--mantine-color-anchor'] = readableOnWhite(t.colors[t.primaryColor]!);
  return { variables: {}, light, dark };
};
