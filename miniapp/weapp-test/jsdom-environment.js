// A DOM for miniprogram-simulate without jest-environment-jsdom (not a dependency): Node's
// environment plus a jsdom window whose DOM names are lifted onto the global, as j-component
// expects `window`, `document` and DOM classes to be globals.
const { JSDOM } = require('jsdom');
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node');

// Node has its own event classes; elements only accept jsdom's.
const OVERRIDDEN = new Set(['Event', 'EventTarget', 'CustomEvent']);

class SimulatorEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
      pretendToBeVisual: true,
      url: 'https://servicewechat.com/',
    });
    const { window } = this.dom;
    const target = this.global;
    for (const name of Object.getOwnPropertyNames(window)) {
      if (name in target && !OVERRIDDEN.has(name)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(window, name);
      if (!descriptor) continue;
      if (typeof descriptor.value === 'function' && !/^[A-Z]/.test(name)) {
        descriptor.value = descriptor.value.bind(window);
      }
      Object.defineProperty(target, name, { ...descriptor, configurable: true });
    }
    target.window = target;
    target.self = target;
    // The rendered pages keep ticking (countdowns, Taro's scheduler) after the last assertion;
    // their timers are cleared at teardown so jest can exit.
    this.timers = new Set();
    const timers = this.timers;
    for (const [set, clear] of [
      ['setTimeout', 'clearTimeout'],
      ['setInterval', 'clearInterval'],
    ]) {
      const original = target[set];
      const originalClear = target[clear];
      target[set] = (...args) => {
        const handle = original(...args);
        timers.add(() => originalClear(handle));
        return handle;
      };
    }
  }

  async teardown() {
    for (const clear of this.timers) clear();
    this.dom.window.close();
    await super.teardown();
  }
}

module.exports = SimulatorEnvironment;
