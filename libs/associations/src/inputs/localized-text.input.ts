import { LocalizedTextInput } from '@mangfold/graphql';

/** An association's description, per language. */
export const DescriptionInput = LocalizedTextInput('LocalizedTextInput', 5000, { languageDescriptions: true });
