import type { RegionPickerProps } from './region-picker';

export type { RegionPickerProps };

// The browser's own select, laid invisibly over the "更换地区" text: the phone opens its native
// list, a screen reader announces a named combo box, and the home screen does without Taro's H5
// picker, which brings a user-agent parser of ~42 KB onto the first screen.
export function RegionPicker({
  choices,
  chosenIndex,
  label,
  className,
  onChoose,
}: RegionPickerProps): JSX.Element {
  return (
    <div className={`${className} tt-round__change--native`} id="change-region">
      <span aria-hidden="true">{label}</span>
      <select
        className="tt-round__select"
        aria-label={label}
        value={choices[chosenIndex]?.code}
        onChange={(event) => onChoose(event.target.value)}
      >
        {choices.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}
