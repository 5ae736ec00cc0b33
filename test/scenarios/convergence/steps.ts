// The steps of the convergence test (what people, Trello, faults and triggers do) and their fast-check arbitraries.
// Steps are plain data, so a shrunk counterexample can be pasted into a regression test as it is printed.
import { fc } from '@fast-check/jest';
import type { ListName } from '../default-lists';

/** Picks "the n-th" of whatever exists when the step runs (rows with an id, open cards…), modulo their number. */
type Pick = number;

/** What a person does in the sheet. */
export type SheetStep =
  | { do: 'editStatus'; row: Pick; status: string }
  | { do: 'editName'; row: Pick; name: string }
  /** Pastes a block over the name…status columns of consecutive lead rows from `row` on. */
  | { do: 'paste'; row: Pick; rows: { name: string; status: string }[] }
  | { do: 'addLead'; name: string; status: string }
  | { do: 'insertRows'; at: Pick; count: number }
  | { do: 'deleteRow'; row: Pick }
  | { do: 'sortRows'; by: 'id' | 'name' | 'status'; ascending: boolean }
  | { do: 'insertColumn'; at: Pick }
  | { do: 'moveColumn'; from: Pick; to: Pick }
  | { do: 'renameTab' }
  | { do: 'restoreTab' };

/** What another member does on the board. */
export type BoardStep =
  | { do: 'moveCard'; card: Pick; list: ListName }
  | { do: 'renameCard'; card: Pick; name: string }
  | { do: 'archiveCard'; card: Pick }
  | { do: 'unarchiveCard'; card: Pick }
  | { do: 'deleteCard'; card: Pick }
  | { do: 'createCard'; list: ListName; name: string }
  /** Trello's "copy card" keeps the description: a new card with the copied card's name and description. */
  | { do: 'copyCard'; card: Pick; list: ListName };

/** Trello sends the webhook deliveries queued so far: in order, reversed or shuffled, some twice, some never. */
export type DeliverStep = { do: 'deliver'; order: 'asQueued' | 'reversed' | 'shuffled'; twice: boolean; dropEvery: number; seed: number };

/** Something goes wrong. */
export type FaultStep =
  | { do: 'trelloFails'; fault: 'status429' | 'status5xx' | 'lostWriteResponse'; count: number }
  | { do: 'latency'; ms: number }
  | { do: 'killNextExecution'; atCall: number }
  | { do: 'holdLock' }
  | { do: 'releaseLock' }
  | { do: 'evictCache' };

/** Runs that sync. */
export type RunStep = { do: 'syncNow' } | { do: 'onSchedule' } | { do: 'tick'; ms: number };

/** Steps that can overlap in one `gas.concurrently` batch. */
export type OverlappingStep = SheetStep | BoardStep | DeliverStep | { do: 'syncNow' } | { do: 'onSchedule' };

/** One step of a scenario. */
export type Step = SheetStep | BoardStep | DeliverStep | FaultStep | RunStep | { do: 'together'; seed: number; startChance: number; steps: OverlappingStep[] };

const pick = fc.nat({ max: 60 });
const list = fc.constantFrom<ListName>('TODO', 'IN_PROGRESS', 'DONE');
/** Mostly valid statuses; now and then one the mapping does not know (the row is bad on purpose). */
const status = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('NEW', 'CONTACTED', 'QUALIFIED', 'COMPLETED', 'LOST') }, { weight: 1, arbitrary: fc.constantFrom('MAYBE', 'WON') });
const name = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('Ada', 'Bob', 'Cyd', 'Dee', 'Eve', 'Fay') }, { weight: 1, arbitrary: fc.constant('') });

const sheetStep: fc.Arbitrary<SheetStep> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ do: fc.constant('editStatus' as const), row: pick, status }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('editName' as const), row: pick, name }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('paste' as const), row: pick, rows: fc.array(fc.record({ name, status }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('addLead' as const), name, status }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('insertRows' as const), at: pick, count: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('deleteRow' as const), row: pick }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('sortRows' as const), by: fc.constantFrom('id' as const, 'name' as const, 'status' as const), ascending: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('insertColumn' as const), at: pick }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('moveColumn' as const), from: pick, to: pick }) },
  { weight: 1, arbitrary: fc.constantFrom({ do: 'renameTab' as const }, { do: 'restoreTab' as const }) },
);

const boardStep: fc.Arbitrary<BoardStep> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ do: fc.constant('moveCard' as const), card: pick, list }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('renameCard' as const), card: pick, name: name.filter((text) => text !== '') }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('archiveCard' as const), card: pick }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('unarchiveCard' as const), card: pick }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('deleteCard' as const), card: pick }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('createCard' as const), list, name: name.filter((text) => text !== '') }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('copyCard' as const), card: pick, list }) },
);

const deliverStep: fc.Arbitrary<DeliverStep> = fc.record({
  do: fc.constant('deliver' as const),
  order: fc.constantFrom('asQueued' as const, 'reversed' as const, 'shuffled' as const),
  twice: fc.boolean(),
  dropEvery: fc.constantFrom(0, 0, 2, 3),
  seed: fc.nat(),
});

const faultStep: fc.Arbitrary<FaultStep> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      do: fc.constant('trelloFails' as const),
      fault: fc.constantFrom('status429' as const, 'status5xx' as const, 'lostWriteResponse' as const),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('latency' as const), ms: fc.constantFrom(0, 400, 3000) }) },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('killNextExecution' as const), atCall: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constantFrom({ do: 'holdLock' as const }, { do: 'releaseLock' as const }, { do: 'evictCache' as const }) },
);

const runStep: fc.Arbitrary<RunStep> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ do: 'syncNow' as const }) },
  { weight: 2, arbitrary: fc.constant({ do: 'onSchedule' as const }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('tick' as const), ms: fc.constantFrom(10_000, 30_000, 60_000) }) },
);

const overlappingStep: fc.Arbitrary<OverlappingStep> = fc.oneof(
  { weight: 4, arbitrary: sheetStep },
  { weight: 3, arbitrary: boardStep },
  { weight: 2, arbitrary: deliverStep },
  { weight: 2, arbitrary: fc.constantFrom({ do: 'syncNow' as const }, { do: 'onSchedule' as const }) },
);

const togetherStep = fc.record({
  do: fc.constant('together' as const),
  seed: fc.nat(),
  startChance: fc.constantFrom(0.1, 0.3, 0.6),
  steps: fc.array(overlappingStep, { minLength: 2, maxLength: 4 }),
});

/** One step, weighted so that a few dozen steps mix every kind. */
export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: sheetStep },
  { weight: 5, arbitrary: boardStep },
  { weight: 3, arbitrary: deliverStep },
  { weight: 3, arbitrary: faultStep },
  { weight: 3, arbitrary: runStep },
  { weight: 4, arbitrary: togetherStep },
);

/** A scenario: a few dozen steps. */
export const scenario: fc.Arbitrary<Step[]> = fc.array(step, { minLength: 1, maxLength: 30 });
