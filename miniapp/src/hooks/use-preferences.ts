import { useEffect, useState } from 'react';

import { preferences } from '../services/preferences';
import type { Preferences } from '../services/preferences';

export function usePreferences(): [Preferences, (change: Partial<Preferences>) => void] {
  const [value, setValue] = useState(preferences.get());
  useEffect(() => preferences.subscribe(setValue), []);
  return [value, (change) => setValue(preferences.update(change))];
}
