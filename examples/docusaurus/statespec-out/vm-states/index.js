/* generated — do not edit. Made by statespec from statespec/vm-states/; regenerate with `npm run docs:build` (statespec build). */
/* States and billing status of Azure Virtual Machines */
// The types and the documentation of every export are in index.d.ts.

export const POWER_STATES = [
  "Starting",
  "Running",
  "Stopping",
  "Stopped",
  "Deallocating",
  "Deallocated",
];

export const PROVISIONING_STATES = [
  "Creating",
  "Updating",
  "Failed",
  "Succeeded",
  "Deleting",
  "Migrating",
];

export const OS_PROVISIONING_STATES = [
  "OSProvisioningInProgress",
  "OSProvisioningComplete",
  "Succeeded",
  "Failed",
];

export const BILLING = [
  "Billed",
  "NotBilled",
];

export const LOCALES = [
  "de",
  "en",
  "fr",
];

export const REFERENCE_LOCALE = "en";

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const POWER_STATE_SET = /* @__PURE__ */ new Set(POWER_STATES);
const PROVISIONING_STATE_SET = /* @__PURE__ */ new Set(PROVISIONING_STATES);
const OS_PROVISIONING_STATE_SET = /* @__PURE__ */ new Set(OS_PROVISIONING_STATES);
const BILLING_SET = /* @__PURE__ */ new Set(BILLING);

export function isPowerState(value) {
  return typeof value === 'string' && POWER_STATE_SET.has(value);
}

export function isProvisioningState(value) {
  return typeof value === 'string' && PROVISIONING_STATE_SET.has(value);
}

export function isOSProvisioningState(value) {
  return typeof value === 'string' && OS_PROVISIONING_STATE_SET.has(value);
}

export function isBilling(value) {
  return typeof value === 'string' && BILLING_SET.has(value);
}

export function resolveLocale(tag) {
  if (typeof tag !== 'string' || tag.trim() === '') return REFERENCE_LOCALE;
  const subtags = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  // zh-Hant-TW should find zh-TW: the script subtag is dropped for a second try.
  const tries = subtags.length > 2 && subtags[1].length === 4 ? [subtags, [subtags[0], ...subtags.slice(2)]] : [subtags];
  for (const parts of tries) {
    for (let length = parts.length; length > 0; length--) {
      const prefix = parts.slice(0, length).join('-');
      const exact = LOCALES.find((locale) => locale.toLowerCase() === prefix);
      if (exact) return exact;
    }
  }
  // Same language, another region: the reference if it speaks that language, else the first such locale.
  const language = `${subtags[0]}-`;
  if (REFERENCE_LOCALE.toLowerCase().startsWith(language)) return REFERENCE_LOCALE;
  return LOCALES.find((locale) => locale.toLowerCase().startsWith(language)) ?? REFERENCE_LOCALE;
}

/**
 * The stated cell at row × column, or undefined. Unknown ids, non-strings and
 * inherited names (even of a polluted Object.prototype) find nothing.
 */
function cellOf(store, row, column) {
  if (typeof row !== 'string' || typeof column !== 'string' || !hasOwn(store, row)) return undefined;
  const cells = store[row];
  return hasOwn(cells, column) ? cells[column] : undefined;
}

/** A text in the best available locale for `locale` (see resolveLocale). */
function localized(texts, locale) {
  return texts?.[resolveLocale(locale)];
}

/** The word of an enum value in the best available locale for `locale`. */
function wordOf(words, value, locale) {
  return value === undefined ? undefined : words[value]?.[resolveLocale(locale)];
}

// The word of each Billing value, in every locale.
const BILLING_WORDS = {
  "Billed": {
    "de": "In Rechnung gestellt",
    "en": "Billed",
    "fr": "Facturé",
  },
  "NotBilled": {
    "de": "Nicht in Rechnung gestellt",
    "en": "Not billed",
    "fr": "Pas de facturation",
  },
};

// Table "powerStatesAndBilling": one record per PowerState: Description (text), Billing (enum of Billing).

// The value of each stated cell; text() reads its word from BILLING_WORDS.
const POWER_STATES_AND_BILLING_BILLING_VALUES = {
  "Starting": { "Billing": "Billed" },
  "Running": { "Billing": "Billed" },
  "Stopping": { "Billing": "Billed" },
  "Stopped": { "Billing": "Billed" },
  "Deallocating": { "Billing": "NotBilled" },
  "Deallocated": { "Billing": "NotBilled" },
};

// Each stated cell in every locale; the reference locale holds the canonical text.
const POWER_STATES_AND_BILLING_DESCRIPTION_TEXTS = {
  "Starting": {
    "Description": {
      "de": "Die VM wird hochgefahren.",
      "en": "Virtual Machine is powering up.",
      "fr": "La machine virtuelle est en cours de mise sous tension.",
    },
  },
  "Running": {
    "Description": {
      "de": "Die VM ist vollständig hochgefahren. Dies ist der standardmäßige Arbeitszustand.",
      "en": "Virtual Machine is fully up. This is the standard working state.",
      "fr": "La machine virtuelle est entièrement opérationnelle. Il s’agit de l’état de fonctionnement standard.",
    },
  },
  "Stopping": {
    "Description": {
      "de": "Dies ist ein Übergangszustand zwischen „Wird ausgeführt“ und „Beendet“.",
      "en": "This is a transitional state between running and stopped.",
      "fr": "Il s’agit d’un état transitoire entre l’exécution et l’arrêt.",
    },
  },
  "Stopped": {
    "Description": {
      "de": "Die VM wurde einem Host zugeordnet, aber nicht ausgeführt. Dieser Zustand wird auch als PoweredOff-Status oder als Beendet (zugeordnet) bezeichnet. Dieses Problem kann durch das Aufrufen des PowerOff-API-Vorgangs oder durch das Initiieren des Herunterfahrens von innerhalb des Gastbetriebssystems entstehen. Der Status „Beendet“ kann auch kurz während der VM-Erstellung oder beim Starten einer VM mit dem Status „Zuordnung aufgehoben“ angezeigt werden.",
      "en": "The Virtual Machine is allocated on a host but not running. Also called PoweredOff state or Stopped (Allocated). This can be result of invoking the PowerOff API operation or invoking shutdown from within the guest OS. The Stopped state may also be observed briefly during VM creation or while starting a VM from Deallocated state.",
      "fr": "La Machine virtuelle est allouée sur un ordinateur hôte, mais pas en cours d’exécution. Egalement appelé état PoweredOff ou Arrêté (Alloué) . Cela peut être le résultat de l’appel de l’opération de l’API hors tension ou de l’appel de l’arrêt depuis le système d’exploitation invité. L’état Arrêté peut également être observé brièvement lors de la création de la machine virtuelle ou lors du démarrage d’une machine virtuelle à partir de l’état Désalloué.",
    },
  },
  "Deallocating": {
    "Description": {
      "de": "Dies ist der Übergangszustand zwischen „Wird ausgeführt“ und „Zuordnung aufgehoben“.",
      "en": "This is the transitional state between running and deallocated.",
      "fr": "Il s’agit de l’état transitoire entre l’exécution et la désallocation.",
    },
  },
  "Deallocated": {
    "Description": {
      "de": "Die Lease für die zugrunde liegende Hardware auf der VM wurde freigegeben. Die VM ist vollständig ausgeschaltet. Dieser Zustand wird auch als Beendet (Zuordnung aufgehoben) bezeichnet.",
      "en": "The Virtual Machine has released the lease on the underlying hardware and is completely powered off. This state is also referred to as Stopped (Deallocated).",
      "fr": "La machine virtuelle a libéré le bail sur le matériel sous-jacent et est entièrement mise hors tension. Cet état est également appelé Arrêté (désalloué) .",
    },
  },
};

// Table "provisioningStates": one record per ProvisioningState: Description (text).

// Each stated cell in every locale; the reference locale holds the canonical text.
const PROVISIONING_STATES_DESCRIPTION_TEXTS = {
  "Creating": {
    "Description": {
      "de": "Die VM wird erstellt.",
      "en": "Virtual machine is being created.",
      "fr": "La machine virtuelle est en cours de création.",
    },
  },
  "Updating": {
    "Description": {
      "de": "Die VM wird auf das neueste Modell aktualisiert. Einige Änderungen an einer VM, die nicht das Modell betreffen (z. B. Start oder Neustart), fallen ebenfalls unter den Zustand „Aktualisieren“.",
      "en": "Virtual machine is updating to the latest model. Some non-model changes to a virtual machine such as start and restart fall under the updating state.",
      "fr": "La machine virtuelle est en cours de mise à jour vers le dernier modèle. Certains changements apportés à une machine virtuelle et ne concernant pas un modèle, comme le démarrage et le redémarrage, relèvent de l’état de mise à jour.",
    },
  },
  "Failed": {
    "Description": {
      "de": "Der letzte Vorgang für die Ressource der VM war nicht erfolgreich.",
      "en": "Last operation on the virtual machine resource was not successful.",
      "fr": "La dernière opération sur la ressource de machine virtuelle a échoué.",
    },
  },
  "Succeeded": {
    "Description": {
      "de": "Der letzte Vorgang für die Ressource der VM war erfolgreich.",
      "en": "Last operation on the virtual machine resource was successful.",
      "fr": "La dernière opération sur la ressource de machine virtuelle a réussi.",
    },
  },
  "Deleting": {
    "Description": {
      "de": "Die VM wird gelöscht.",
      "en": "Virtual machine is being deleted.",
      "fr": "La machine virtuelle est en cours de suppression.",
    },
  },
  "Migrating": {
    "Description": {
      "de": "Dies wird bei der Migration von Azure Service Manager zu Azure Resource Manager angezeigt.",
      "en": "Seen when migrating from Azure Service Manager to Azure Resource Manager.",
      "fr": "Visible lors de la migration d’Azure Service Manager vers Azure Resource Manager.",
    },
  },
};

// Table "osProvisioningStates": one record per OSProvisioningState: Description (text).

// Each stated cell in every locale; the reference locale holds the canonical text.
const OS_PROVISIONING_STATES_DESCRIPTION_TEXTS = {
  "OSProvisioningInProgress": {
    "Description": {
      "de": "Die VM wird ausgeführt, und die Initialisierung (Setup) des Gastbetriebssystem erfolgt aktuell.",
      "en": "The VM is running and the initialization (setup) of the Guest OS is in progress.",
      "fr": "La machine virtuelle est en cours d’exécution et l’initialisation (configuration) du système d’exploitation invité est en cours.",
    },
  },
  "OSProvisioningComplete": {
    "Description": {
      "de": "Dies ist ein Zustand von kurzer Dauer. Der Status der VM geht schnell in Erfolgreich über. Wenn noch Erweiterungen installiert werden, wird dieser Status angezeigt, bis sie fertig sind.",
      "en": "This is a short-lived state. The virtual machine quickly transitions from this state to Success. If extensions are still being installed you will continue to see this state until they are complete.",
      "fr": "Il s’agit d’un état à courte durée de vie. La machine virtuelle passe rapidement de cet état à l’état Réussite. Si les extensions sont toujours en cours d’installation, vous continuez à voir cet état jusqu’à ce que l’opération soit terminée.",
    },
  },
  "Succeeded": {
    "Description": {
      "de": "Die vom Benutzer initiierten Aktionen wurden abgeschlossen.",
      "en": "The user-initiated actions have completed.",
      "fr": "Les actions lancées par l’utilisateur se sont terminées.",
    },
  },
  "Failed": {
    "Description": {
      "de": "Stellt einen fehlerhaften Vorgang dar. Weitere Informationen und mögliche Lösungen können Sie den Fehlercodes entnehmen.",
      "en": "Represents a failed operation. Refer to the error code for more information and possible solutions.",
      "fr": "Représente une opération ayant échoué. Pour obtenir plus d’informations et connaître les solutions possibles, reportez-vous au code d’erreur.",
    },
  },
};

// The generic view: every table by id, read through lookup() and text().

export const TABLES = {
  "powerStatesAndBilling": { id: "powerStatesAndBilling", rows: POWER_STATES, columns: ["Description", "Billing"] },
  "provisioningStates": { id: "provisioningStates", rows: PROVISIONING_STATES, columns: ["Description"] },
  "osProvisioningStates": { id: "osProvisioningStates", rows: OS_PROVISIONING_STATES, columns: ["Description"] },
};

// How lookup() and text() read the cells of a matrix, or of each column of a record table.
const READERS = {
  "powerStatesAndBilling": {
    columns: {
      "Description": {
        value: (row, column) => cellOf(POWER_STATES_AND_BILLING_DESCRIPTION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(POWER_STATES_AND_BILLING_DESCRIPTION_TEXTS, row, column), locale),
      },
      "Billing": {
        value: (row, column) => cellOf(POWER_STATES_AND_BILLING_BILLING_VALUES, row, column),
        text: (row, column, locale) => wordOf(BILLING_WORDS, cellOf(POWER_STATES_AND_BILLING_BILLING_VALUES, row, column), locale),
      },
    },
  },
  "provisioningStates": {
    columns: {
      "Description": {
        value: (row, column) => cellOf(PROVISIONING_STATES_DESCRIPTION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(PROVISIONING_STATES_DESCRIPTION_TEXTS, row, column), locale),
      },
    },
  },
  "osProvisioningStates": {
    columns: {
      "Description": {
        value: (row, column) => cellOf(OS_PROVISIONING_STATES_DESCRIPTION_TEXTS, row, column)?.[REFERENCE_LOCALE],
        text: (row, column, locale) => localized(cellOf(OS_PROVISIONING_STATES_DESCRIPTION_TEXTS, row, column), locale),
      },
    },
  },
};

function readerOf(table, column) {
  if (typeof table !== 'string' || !hasOwn(READERS, table)) return undefined;
  const reader = READERS[table];
  if (!('columns' in reader)) return reader;
  return typeof column === 'string' && hasOwn(reader.columns, column) ? reader.columns[column] : undefined;
}

export function lookup(table, row, column) {
  return readerOf(table, column)?.value(row, column);
}

export function text(table, row, column, locale) {
  return readerOf(table, column)?.text(row, column, locale);
}
