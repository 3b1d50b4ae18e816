import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { RateLimiter } from '@mangfold/auth';
import { CalendarModule } from '@mangfold/calendar';
import { PUBLIC_WRITE_LIMITER, PublicWriteLimits } from '@mangfold/registrations';
import { AreasResolver } from './areas.resolver';
import { AreasService } from './areas.service';
import { AssignmentsResolver } from './assignments.resolver';
import { AssignmentsService } from './assignments.service';
import { MaterialFileController } from './material-file.controller';
import { AdviceResolver, EventSeminarPackageResolver, MaterialsResolver, SpeakersResolver } from './seminar-package.resolver';
import { SeminarPackageService } from './seminar-package.service';
import { EventThemesResolver, ThemesResolver } from './themes.resolver';
import { ThemesService } from './themes.service';
import { AssociationVisitFindingsResolver, VisitFindingResolver, VisitsResolver } from './visits.resolver';
import { VisitsService } from './visits.service';

/** The rest of TFI's work plan (assignments, project visits, themes, atlases, the seminar package), for the api. */
@Module({
  imports: [AssociationsModule, CalendarModule],
  providers: [
    AssignmentsService,
    AssignmentsResolver,
    ThemesService,
    ThemesResolver,
    EventThemesResolver,
    VisitsService,
    VisitsResolver,
    VisitFindingResolver,
    AssociationVisitFindingsResolver,
    AreasService,
    AreasResolver,
    SeminarPackageService,
    SpeakersResolver,
    MaterialsResolver,
    AdviceResolver,
    EventSeminarPackageResolver,
    PublicWriteLimits,
    { provide: PUBLIC_WRITE_LIMITER, useExisting: RateLimiter },
  ],
  controllers: [MaterialFileController],
  exports: [AssignmentsService, VisitsService, AreasService],
})
export class WorkplanModule {}
