// The accessibility attributes WeChat reads (基础库 ≥ 2.7.1, "aria-component") that our components
// pass, per Taro component. Taro 4 builds its weapp templates from a fixed attribute list and
// drops every other prop, so these are declared to it twice from this one table: at build time
// (weapp-accessibility-plugin.js, into base.wxml) and at run time (weapp-accessibility-runtime.js,
// so the runtime's short attribute aliases match the template's). Values follow Taro's component
// tables: '' is "no default", a quoted string is the default.
// `role` is written into the template as `aria-role`, the name WeChat reads, so the same JSX
// (`role="heading"`, `pressable('link', …)`) serves the browser on H5 and WeChat on weapp.
// Plain ES2015 (no object spread): webpack bundles this file into the weapp as it is.
// Every attribute is repeated in each of the ~15 nesting levels of base.wxml, so only what the
// code uses is listed (grep for `aria-` and `role=`).
const ROLE_AND_LABEL = { role: '', 'aria-label': '', 'aria-hidden': '' };

const WEAPP_ACCESSIBILITY_ATTRIBUTES = {
  View: Object.assign({}, ROLE_AND_LABEL, {
    'aria-checked': '',
    'aria-disabled': '',
    'aria-level': '',
    'aria-current': '',
    'aria-pressed': '',
    'aria-modal': '',
    // The page root's direction (Uyghur is right to left); the layout itself mirrors through
    // the tt-page--rtl class, which WeChat's renderer honours.
    dir: '',
  }),
  Text: ROLE_AND_LABEL,
  Button: Object.assign({}, ROLE_AND_LABEL, { 'aria-disabled': '', 'aria-pressed': '' }),
  Image: ROLE_AND_LABEL,
  // iOS VoiceOver reads an input's aria-label only with the textbox role (WeChat's guide).
  Input: { role: "'textbox'", 'aria-label': '', 'aria-labelledby': '' },
  Textarea: { role: "'textbox'", 'aria-label': '', 'aria-labelledby': '' },
};

module.exports = { WEAPP_ACCESSIBILITY_ATTRIBUTES };
