// The calculation basis in words lives in shared/ (the renderer shows the same sentences as the CLI).
export * from '../../../shared/deadline-basis';
