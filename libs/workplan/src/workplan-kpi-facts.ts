/*
 * The work plan's KPIs (KPIS.md, "The rest of the work plan's targets") as "facts", the shape of
 * @mangfold/kpi's: one row per contributor (and per group it falls in), with whether it is held.
 * The kpi lib aggregates values, contributors and breakdowns over these rows as over its own.
 *
 * Parameters as in kpi-queries: @y0/@y1 the year's bounds (local midnight as instants), @at the
 * moment "held" is decided against, @yr the year. Events follow the calendar's KPI rules: published,
 * not cancelled, starting in the year; held once ended.
 *
 * Columns: key, contributor_id, contributor_type, held, district_id, housing_area_id, occasion_id,
 * association_kind, focus, n, s, name (jsonb {da,en}), slug, event_kind, starts_at.
 */

/** Theme slugs the KPIs count; reference data seeds them and they never change (names may). */
export const KPI_THEMES = {
  employment: 'employment-outreach',
  crimePrevention: 'crime-prevention',
  projectManagement: 'project-management',
} as const;

/** What a project visit is broken down by (KPIS.md): the five housing areas, safety, employment. */
export enum VisitFocus {
  HOUSING_AREAS = 'HOUSING_AREAS',
  SAFETY = 'SAFETY',
  EMPLOYMENT = 'EMPLOYMENT',
}

const IN_YEAR = `e.status = 'PUBLISHED' and e.cancelled_at is null and e.starts_at >= @y0 and e.starts_at < @y1`;

function themedEvents(key: string, theme: string, kinds: string | null): string {
  return `
  select '${key}'::text as key, e.id as contributor_id, 'EVENT'::text as contributor_type, e.ends_at < @at as held,
    e.district_id, e.housing_area_id, e.occasion_id, null::text as association_kind, null::text as focus, 1 as n, 0 as s,
    e.title::jsonb as name, e.slug::text as slug, e.kind::text as event_kind, e.starts_at
  from event e
  where ${IN_YEAR} ${kinds ? `and e.kind in ${kinds}` : ''}
    and exists (select 1 from event_theme et join theme t on t.id = et.theme_id where et.event_id = e.id and t.slug = '${theme}')`;
}

export const WORKPLAN_KPI_FACTS_SQL = `
  select 'requester-satisfaction'::text as key, a.id as contributor_id, 'ASSIGNMENT'::text as contributor_type, true as held,
    null::uuid as district_id, null::uuid as housing_area_id, null::uuid as occasion_id, null::text as association_kind, null::text as focus,
    case when a.survey_answered_at is not null then 1 else 0 end as n, case when a.survey_satisfied then 1 else 0 end as s,
    jsonb_build_object('da', a.title, 'en', a.title) as name, null::text as slug, null::text as event_kind, a.completed_at as starts_at
  from assignment a
  where a.status = 'COMPLETED' and a.completed_at >= @y0 and a.completed_at < @y1
  union all
  select 'project-visits', v.id, 'VISIT', v.visited_on <= (@at at time zone 'Europe/Copenhagen')::date,
    p.district_id, p.housing_area_id, null::uuid, p.kind::text, f.focus, 1, 0,
    jsonb_build_object('da', p.name, 'en', p.name), p.slug::text, null::text, (v.visited_on::timestamp at time zone 'Europe/Copenhagen')
  from project_visit v
  join association p on p.id = v.project_id
  cross join lateral (
    select '${VisitFocus.HOUSING_AREAS}'::text as focus where v.in_focus_housing_area
    union all select '${VisitFocus.SAFETY}' where v.on_safety
    union all select '${VisitFocus.EMPLOYMENT}' where v.on_employment
    union all select null where not (v.in_focus_housing_area or v.on_safety or v.on_employment)
  ) f
  where v.visited_on >= (@y0 at time zone 'Europe/Copenhagen')::date and v.visited_on < (@y1 at time zone 'Europe/Copenhagen')::date
  union all
  select 'atlases', ar.id, 'AREA', true, null::uuid, null::uuid, null::uuid, null::text, null::text, 1, 0,
    ar.name::jsonb, ar.slug::text, null::text, ar.atlas_published_at
  from area ar
  where ar.atlas_published_at is not null and ar.atlas_published_at < least(@at, @y1)
    and exists (
      select 1 from association x
      where x.status = 'APPROVED'
        and (x.district_id in (select ad.district_id from area_district ad where ad.area_id = ar.id)
          or x.housing_area_id in (select ah.housing_area_id from area_housing_area ah where ah.area_id = ar.id))
    )
  union all ${themedEvents('employment-network-events', KPI_THEMES.employment, `('NETWORK_MEETING')`)}
  union all ${themedEvents('crime-prevention-events', KPI_THEMES.crimePrevention, null)}
  union all ${themedEvents('project-management-seminars', KPI_THEMES.projectManagement, `('SEMINAR', 'NETWORK_MEETING')`)}`;
