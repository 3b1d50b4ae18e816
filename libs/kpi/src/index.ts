export * from './kpi-target.entity';
