import { Extension, mergeAttributes, Node } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { formatFileSize } from '@spiraal/domain';
import type { FileUploads, PickKind } from './file-uploads';

/** Only files Spiraal stores itself are shown: `/files/<id>` (anything else the CSP blocks anyway). */
const OWN_FILE = /^\/files\/[0-9a-f-]{36}$/;

/** Width of the display copy the page asks for (`GET /files/:id?w=`); the node keeps the address of the full file. */
const DISPLAY_WIDTH = 1280;

/**
 * An image in the text: a block node whose `src` is `/files/<id>`, shown at
 * display size. Pasted HTML with images from elsewhere is not taken over.
 */
export const SpiraalImage = Image.extend({
  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (element) => (OWN_FILE.test(element.getAttribute('src') ?? '') ? null : false),
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    const src = String(HTMLAttributes.src ?? '');
    return [
      'img',
      mergeAttributes(HTMLAttributes, {
        src: OWN_FILE.test(src) ? `${src}?w=${DISPLAY_WIDTH}` : '',
        'data-file-src': src,
        loading: 'lazy',
        class: 'item-editor__image',
      }),
    ];
  },
}).configure({ inline: false, allowBase64: false });

/** A file that is not an image: a chip with its name and size that downloads it. */
export const FileAttachment = Node.create({
  name: 'fileAttachment',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      href: { default: null },
      name: { default: 'bestand' },
      size: { default: 0 },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'a[data-file-attachment]',
        getAttrs: (element) => {
          const href = element.getAttribute('href') ?? '';
          if (!OWN_FILE.test(href)) return false;
          return {
            href,
            name: element.getAttribute('data-name') ?? 'bestand',
            size: Number(element.getAttribute('data-size')) || 0,
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const href = String(node.attrs.href ?? '');
    const name = String(node.attrs.name ?? 'bestand');
    const size = Number(node.attrs.size) || 0;
    return [
      'a',
      {
        href: OWN_FILE.test(href) ? href : '#',
        download: name,
        'data-file-attachment': '',
        'data-name': name,
        'data-size': String(size),
        class: 'item-editor__file',
      },
      ['span', { class: 'item-editor__file-name' }, name],
      ['span', { class: 'item-editor__file-size' }, formatFileSize(size)],
    ];
  },
});

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    fileDropPaste: {
      /** Opens the file picker: images only, or any allowed file (the slash menu's "Afbeelding" and "Bestand"). */
      pickFile: (kind?: PickKind) => ReturnType;
    };
  }
}

/** Pasted and dropped files go to the uploads; Mod-Alt-f and `editor.commands.pickFile()` open the file picker. */
export function fileDropPaste(uploads: FileUploads) {
  return Extension.create({
    name: 'fileDropPaste',
    addCommands() {
      return {
        pickFile:
          (kind: PickKind = 'any') =>
          ({ editor }) => {
            if (!editor.isEditable) return false;
            uploads.pick(kind);
            return true;
          },
      };
    },
    addKeyboardShortcuts() {
      return {
        'Mod-Alt-f': () => {
          if (!this.editor.isEditable) return false;
          uploads.pick();
          return true;
        },
      };
    },
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('fileDropPaste'),
          props: {
            handlePaste: (view, event) => {
              const files = Array.from(event.clipboardData?.files ?? []);
              if (!files.length || !view.editable) return false;
              uploads.add(files);
              return true;
            },
            handleDrop: (view, event) => {
              const files = Array.from(event.dataTransfer?.files ?? []);
              if (!files.length || !view.editable) return false;
              event.preventDefault();
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
              uploads.add(files, at?.pos);
              return true;
            },
          },
        }),
      ];
    },
  });
}
