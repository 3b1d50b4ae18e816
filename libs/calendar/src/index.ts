export * from './event-organizer.entity';
export * from './event.entity';
export * from './occasion-date.entity';
export * from './occasion.entity';
