// Plays a sequence of steps in a fresh world and reports the convergence rules it breaks once everything is quiet.
import { ConvergenceDriver } from './convergence-driver';
import { brokenRules } from './invariants';
import type { Step } from './steps';

/** Plays the steps, lets everything settle, and returns the rules the world breaks. */
export function converge(steps: readonly Step[]): string[] {
  const driver = new ConvergenceDriver();
  driver.play(steps);
  return brokenRules(driver, driver.settle());
}
