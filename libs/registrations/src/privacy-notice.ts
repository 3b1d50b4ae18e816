/**
 * Version of the privacy notice registrants consent to; recorded with every registration. Bump it
 * when the notice changes, so it is known which text each person accepted.
 */
export const PRIVACY_NOTICE_VERSION = '2026-01';
