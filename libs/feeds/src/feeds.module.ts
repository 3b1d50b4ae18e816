import { Module } from '@nestjs/common';
import { AssociationModel, DistrictModel } from '@mangfold/associations';
import { EventModel, OccasionModel } from '@mangfold/calendar';
import { FeedCache } from './feed-cache.service';
import { FeedFiles } from './feed-files';
import { FeedHttpHandler } from './feed-http.handler';
import { FeedSnapshots } from './feed-snapshots.service';
import { createFeedUrlResolver } from './feed-url.resolver';

/**
 * The api side of the feeds: serving snapshots (see installFeedFastPath), rendering a missing one
 * on demand, and the feedUrl/webcalUrl fields. The jobs that publish feeds are in FeedsJobsModule.
 */
@Module({
  providers: [
    FeedFiles,
    FeedSnapshots,
    FeedCache,
    FeedHttpHandler,
    createFeedUrlResolver(DistrictModel, 'district'),
    createFeedUrlResolver(AssociationModel, 'association'),
    createFeedUrlResolver(OccasionModel, 'occasion'),
    createFeedUrlResolver(EventModel, 'event'),
  ],
  exports: [FeedSnapshots, FeedCache, FeedHttpHandler],
})
export class FeedsModule {}
