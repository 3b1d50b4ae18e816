export {
  AppError,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
  type ErrorCode,
  type FieldErrors,
} from '@mangfold/db';
