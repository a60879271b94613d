import { Picker, View } from '@tarojs/components';

import type { RoundRegionChoice } from './round-notice.type';

export interface RegionPickerProps {
  choices: readonly RoundRegionChoice[];
  chosenIndex: number;
  label: string;
  className: string;
  onChoose: (code: string) => void;
}

// WeChat's own selector, opened by the "更换地区" text.
export function RegionPicker({
  choices,
  chosenIndex,
  label,
  className,
  onChoose,
}: RegionPickerProps): JSX.Element {
  return (
    <Picker
      mode="selector"
      range={choices.map((choice) => choice.name)}
      value={chosenIndex}
      onChange={(event) => {
        const choice = choices[Number(event.detail.value)];
        if (choice) onChoose(choice.code);
      }}
    >
      <View className={className} id="change-region">
        {label}
      </View>
    </Picker>
  );
}
