export { renderPage } from './render';
export { securityHeaders, isEmbedPath, CONTENT_SECURITY_POLICY } from './security-headers';
export { WebModule } from './web.module';
