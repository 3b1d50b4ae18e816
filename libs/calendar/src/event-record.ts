import type { RecordRef } from '@mangfold/db';
import type { Event } from './event.entity';

/**
 * What the Event type's field resolvers read: a loaded entity, or the plain record the public
 * listing reads (`plainRecords`), which has the same columns and each many-to-one as `{ id }`.
 */
export type EventRecord = Omit<Event, 'organisers' | 'district' | 'housingArea' | 'occasion' | 'createdBy'> & {
  district: RecordRef | null;
  housingArea: RecordRef | null;
  occasion: RecordRef | null;
  createdBy: RecordRef | null;
};
