// A Taro plugin of our own that lets the accessibility attributes of weapp-accessibility-attributes.js
// through to the weapp templates. It does what @tarojs/plugin-inject's `components` option does,
// which we cannot install: its only Taro 4 release pins @tarojs/helper and @tarojs/shared to
// 4.1.11 and npm refuses it beside Taro 4.2.1 (docs/miniapp.md).
const { WEAPP_ACCESSIBILITY_ATTRIBUTES } = require('./weapp-accessibility-attributes');

const RUNTIME = require.resolve('./weapp-accessibility-runtime.js');

// WeChat reads `aria-role`; the browser reads `role`. Components write `role`, and the template
// names the attribute the way WeChat wants it.
function writeRoleAsAriaRole(template) {
  const replacePropName = template.replacePropName.bind(template);
  template.replacePropName = (name, value, componentName, componentAlias) =>
    name === 'role' ? 'aria-role' : replacePropName(name, value, componentName, componentAlias);
}

// A view with catchMove renders through its own template (`catch-view`); nothing of ours uses
// catchMove, and each attribute costs ~15 × 20 bytes of base.wxml, so that template goes without.
function keepCatchViewBare(template) {
  const createMiniComponents = template.createMiniComponents.bind(template);
  const added = new Set(
    Object.keys(WEAPP_ACCESSIBILITY_ATTRIBUTES.View).map((name) =>
      name === 'role' ? 'aria-role' : name,
    ),
  );
  template.createMiniComponents = (components) => {
    const result = createMiniComponents(components);
    const catchView = result['catch-view'];
    if (catchView)
      for (const name of Object.keys(catchView)) if (added.has(name)) delete catchView[name];
    return result;
  };
}

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      // Only the mini-program platforms build templates; H5 renders the props as they are.
      const template = platform.template;
      if (!template) return;
      // A copy: Taro merges into the table it is given.
      template.mergeComponents(ctx, JSON.parse(JSON.stringify(WEAPP_ACCESSIBILITY_ATTRIBUTES)));
      writeRoleAsAriaRole(template);
      keepCatchViewBare(template);
      platform.runtimePath = [].concat(platform.runtimePath, RUNTIME);
    },
  });
};
