export * from './feedback.entity';
export * from './international-day.entity';
export * from './participation.entity';
export * from './registration.entity';
