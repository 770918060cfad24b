import { Combobox, createTheme } from '@mantine/core';

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
