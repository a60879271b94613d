// Imported first by the weapp app entry (see weapp-accessibility-plugin.js): the runtime turns
// each prop into the short alias the template reads (`aria-label` → `p4`), and it must know the
// attributes the template was built with, or the aliases would not line up.
import { mergeInternalComponents } from '@tarojs/shared';

import { WEAPP_ACCESSIBILITY_ATTRIBUTES } from './weapp-accessibility-attributes';

mergeInternalComponents(JSON.parse(JSON.stringify(WEAPP_ACCESSIBILITY_ATTRIBUTES)));
