import { registerEnumType } from '@nestjs/graphql';
import { AssociationKind } from '@mangfold/associations';
import { AttendeeRole, CancelledBy, RegistrationStatus } from '../registration.entity';
import { ParticipationActivity, ParticipationStatus } from '../participation.entity';

registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'CONFIRMED holds seats; WAITLISTED waits for them in arrival order; CANCELLED holds nothing',
});
registerEnumType(AttendeeRole, { name: 'AttendeeRole', description: 'What the registrant does, for the organisers' });
registerEnumType(CancelledBy, { name: 'CancelledBy', description: 'Who cancelled a registration' });
registerEnumType(ParticipationStatus, {
  name: 'ParticipationStatus',
  description:
    'PENDING until TFI decides; CONFIRMED (a stand, when one is needed); WAITLISTED when the stands are taken; DECLINED by TFI; CANCELLED by the participant',
});
registerEnumType(ParticipationActivity, { name: 'ParticipationActivity', description: 'What a participant brings to International Day' });
// The associations lib registers this enum too, under the same name; the schema keeps one type.
registerEnumType(AssociationKind, { name: 'AssociationKind', description: 'What kind of organisation an association is' });
