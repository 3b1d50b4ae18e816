/**
 * The only mutations anonymous callers may run. A test walks every resolver and fails when a
 * mutation is @Public() without being listed here, so opening one is a reviewed decision.
 * Queries are not listed: reading published data anonymously is the norm, and each public query
 * keeps personal data out by itself.
 */
export const PUBLIC_MUTATIONS: readonly string[] = [
  'signUpAssociation',
  'login',
  'requestPasswordReset',
  'resetPassword',
  'registerForEvent',
  'cancelRegistration',
  'submitFeedback',
  'eraseRegistration',
  // The requester of a TFI assignment answers its survey with the secret token from the mail.
  'answerRequesterSurvey',
];
