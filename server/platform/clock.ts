import { chinaDate } from '../../domain/calendar.ts';

/** Time comes from here so tests can move it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export class FixedClock implements Clock {
  constructor(private t: Date) {}
  now() {
    return new Date(this.t);
  }
  set(t: Date | string) {
    this.t = new Date(t);
  }
  advanceDays(n: number) {
    this.t = new Date(this.t.getTime() + n * 86_400_000);
  }
}

export const today = (clock: Clock) => chinaDate(clock.now());
