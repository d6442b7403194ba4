import type { Messages } from './en.ts';

export const es: Messages = {
  'page.brand': 'Consentry',
  'page.closeTab': 'Puede cerrar esta pestaña.',
  'error.title': 'Algo salió mal',
  'error.code': 'Código: {{code}}',
  'error.startAgain': 'Vuelva a la aplicación y empiece de nuevo.',
  'connectDone.title.connected': 'Conectado',
  'connectDone.body.connected':
    'La cuenta está conectada. Vuelva al terminal o a la aplicación que lo pidió.',
  'connectDone.title.cancelled': 'No conectado',
  'connectDone.body.cancelled':
    'No se estableció la conexión: el consentimiento se rechazó o canceló en el proveedor.',
  'connectDone.body.providerError': 'El proveedor respondió: {{error}}.',
  'errors.CALLBACK_PARAMETER_MISSING': 'El proveedor devolvió el navegador sin el parámetro «state».',
  'errors.CALLBACK_PARAMETER_DUPLICATED': 'La respuesta del proveedor repite un parámetro.',
  'errors.CALLBACK_PARAMETER_TOO_LARGE': 'Un parámetro de la respuesta del proveedor es demasiado largo.',
  'errors.FLOW_UNKNOWN':
    'Este enlace de inicio de sesión es desconocido o ya se usó. Empiece la conexión de nuevo.',
  'errors.FLOW_EXPIRED': 'Este inicio de sesión tardó demasiado y caducó. Empiece de nuevo.',
  'errors.FLOW_SESSION_MISMATCH': 'Este inicio de sesión empezó en otro navegador. Empiécelo de nuevo aquí.',
  'errors.AUTHORIZATION_RESPONSE_INVALID': 'La respuesta del proveedor no es válida.',
  'errors.ISSUER_MISMATCH': 'La respuesta vino de un proveedor inesperado y se rechazó.',
  'errors.TOKEN_REQUEST_REJECTED': 'El proveedor se negó a completar la conexión.',
  'errors.TOKEN_RESPONSE_INVALID': 'No se pudo entender la respuesta del proveedor.',
  'errors.ID_TOKEN_INVALID': 'La prueba de identidad del proveedor no es válida.',
  'errors.PROVIDER_UNAVAILABLE': 'No se pudo contactar con el proveedor. Inténtelo de nuevo en unos minutos.',
  'errors.HANDOFF_INVALID': 'Este enlace es desconocido, caducó o ya se usó. Pida uno nuevo.',
  'errors.BAD_REQUEST': 'La solicitud no es válida.',
  'errors.INTERNAL': 'Algo salió mal por nuestra parte.',
};
