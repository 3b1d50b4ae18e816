import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Theme', { description: 'A theme of the work plan an event may have (employment and outreach methods, crime prevention, …)' })
export class ThemeModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Persistent; `events(filter: { themeSlug })` and the feeds use it' })
  slug!: string;
}
