// weapp: a mini-program has no server-drawn page; nothing to take over.
export function adoptFirstScreen(): void {}

export function dismissFirstScreen(): void {}
