import { UpdateAssociationInput } from '@mangfold/associations';
import { ParticipationInput } from '@mangfold/registrations';
import { parseInput } from '../../forms/form-input';
import { participationErrors, participationInputFrom } from './participation-form';
import { profileInputFrom } from './profile-form';

const ASSOCIATION_ID = '5f0c7a4e-2b1d-4c8e-9a3f-1d2e3f4a5b6c';

describe('the association forms as GraphQL inputs', () => {
  it('reads a profile with comma decimals, clears blanks and takes an absent checkbox as off', async () => {
    const parsed = await parseInput(
      UpdateAssociationInput,
      profileInputFrom({
        _csrf: 't',
        name: ' Kulturbroen ',
        kind: 'ASSOCIATION',
        'description.da': 'Om os',
        'description.en': '',
        website: '',
        contactEmail: 'Hej@Kulturbroen.example',
        'location.latitude': '55,6761',
        'location.longitude': '12.5683',
        'location.city': 'København',
      }),
    );
    expect(parsed.ok && { ...parsed.value, location: { ...parsed.value.location } }).toMatchObject({
      name: 'Kulturbroen',
      description: { da: 'Om os', en: null },
      website: null,
      contactEmail: 'hej@kulturbroen.example',
      showContact: false,
      districtSlug: null,
      location: { latitude: 55.6761, longitude: 12.5683, city: 'København', address: null, postalCode: null },
    });
  });

  it('names a coordinate out of range or not a number beside its field', async () => {
    const parsed = await parseInput(
      UpdateAssociationInput,
      profileInputFrom({ name: 'Kulturbroen', kind: 'ASSOCIATION', 'location.latitude': '-91', 'location.longitude': 'øst' }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: { 'location.latitude': 'must be between -90 and 90', 'location.longitude': expect.any(String) },
    });
  });

  it('reads a sign-up with one checkbox per activity, and leaves blank numbers to the defaults', async () => {
    const parsed = await parseInput(
      ParticipationInput,
      participationInputFrom(
        { 'activity-STAND': 'on', 'activity-FOOD': 'on', representatives: '3', tables: '', contactName: 'Amina', contactEmail: 'a@b.dk' },
        ASSOCIATION_ID,
      ),
    );
    expect(parsed.ok && { ...parsed.value }).toMatchObject({
      associationId: ASSOCIATION_ID,
      activities: ['STAND', 'FOOD'],
      representatives: 3,
      tables: 0,
      needsPower: false,
      foodHygieneConfirmed: false,
      notes: null,
    });
  });

  it('puts problems with the activities beside their fieldset, and those with the day above the form', async () => {
    const parsed = await parseInput(
      ParticipationInput,
      participationInputFrom({ representatives: 'to', contactEmail: 'x' }, ASSOCIATION_ID),
    );
    expect(parsed.ok ? {} : participationErrors(parsed.errors)).toEqual({
      activities: 'choose at least one activity',
      // Which of the number's rules speaks is the API's pipe's choice; the form only shows it.
      representatives: expect.any(String),
      contactName: 'must be 2 to 200 characters',
      contactEmail: 'must be an email address',
    });
    expect(participationErrors({ year: 'registration closed', 'activities.0': 'is not a known activity' })).toEqual({
      form: 'registration closed',
      activities: 'is not a known activity',
    });
  });
});
