import { proseMirrorToMarkdown, type PMNode } from '@spiraal/collab';
import { htmlToProseMirror } from './html-to-prosemirror';

const markdownOf = (html: string) => proseMirrorToMarkdown(htmlToProseMirror(html).doc);

describe('htmlToProseMirror', () => {
  it('keeps headings, paragraphs, lists, emphasis, links, quotes and code', () => {
    const html = `<!doctype html><html><head><title>Verslag</title><style>p{color:red}</style></head><body>
      <h1>Intervisie maart</h1>
      <p>We spraken over <b>vertrouwen</b> en <em>eigen regie</em>, zie <a href="https://www.movisie.nl/x">Movisie</a>.</p>
      <ul><li>Situatie</li><li>Werkvraag<ol start="3"><li>eerste</li><li>tweede</li></ol></li></ul>
      <blockquote><p>Uitstellen van oordeel.</p></blockquote>
      <pre><code>regel 1
  regel 2</code></pre>
      <p>Tekst met <code>code</code>, <s>weg</s> en een<br>regeleinde.</p><hr>
    </body></html>`;
    expect(htmlToProseMirror(html).title).toBe('Verslag');
    expect(markdownOf(html)).toBe(
      [
        '# Intervisie maart',
        '',
        'We spraken over **vertrouwen** en _eigen regie_, zie [Movisie](https://www.movisie.nl/x).',
        '',
        '- Situatie',
        '- Werkvraag',
        '',
        '  3. eerste',
        '  4. tweede',
        '',
        '> Uitstellen van oordeel.',
        '',
        '```',
        'regel 1',
        '  regel 2',
        '```',
        '',
        'Tekst met `code`, ~~weg~~ en een\\',
        'regeleinde.',
        '',
        '---',
        '',
      ].join('\n'),
    );
  });

  it("cleans up Word's HTML: conditional comments, mso styles, <o:p>, fake list bullets, styled spans", () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="windows-1252">
      <!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
      <style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
      <body lang=NL style='tab-interval:35.4pt'><div class=WordSection1>
      <p class=MsoTitle>Verslag leernetwerk<o:p></o:p></p>
      <p class=MsoNormal><span style='font-weight:bold'>Aanwezig:</span> <span style='mso-bidi-font-style:normal'><i>Fenna</i></span>,&nbsp;Mo<o:p>&nbsp;</o:p></p>
      <p class=MsoNormal><o:p>&nbsp;</o:p></p>
      <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Casus van Mo</p>
      <p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>o<span>&nbsp;</span></span><!--[endif]-->deelvraag</p>
      <p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>Spanning</p>
      <p class=MsoNormal style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>Eerste afspraak</p>
      <p class=MsoNormal style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.</span>Tweede afspraak</p>
      <v:shape id="x"><v:imagedata src="file:///C:/Users/x/image001.png"/></v:shape>
      <p class=MsoNormal><st1:place w:st="on">Utrecht</st1:place>, <img src="file:///C:/x.png" alt="foto"></p>
      </div></body></html>`;
    expect(markdownOf(html)).toBe(
      [
        '# Verslag leernetwerk',
        '',
        '**Aanwezig:** _Fenna_, Mo',
        '',
        '- Casus van Mo',
        '  - deelvraag',
        '- Spanning',
        '',
        '1. Eerste afspraak',
        '2. Tweede afspraak',
        '',
        'Utrecht, foto',
        '',
      ].join('\n'),
    );
  });

  it('keeps only safe links, and turns images into links to them', () => {
    const html = `<p><a href="javascript:alert(1)">klik</a> <a href=" https://a.nl ">a</a> <a name="anker">anker</a> <img src="https://a.nl/b.png" alt="schema"> <img src="data:image/png;base64,AAA" alt="ingebed"></p>`;
    expect(markdownOf(html)).toBe('klik [a](https://a.nl) anker [schema](https://a.nl/b.png) ingebed\n');
  });

  it('keeps tables as tables, header cells apart, rows filled up to the widest', () => {
    expect(
      markdownOf(
        '<table><tr><th>Wie</th><th>Wat</th></tr><tr><td>Mo</td><td>casus</td></tr><tr><td></td><td></td></tr></table>',
      ),
    ).toBe('| Wie | Wat |\n| --- | --- |\n| Mo | casus |\n| | |\n');
    const doc = htmlToProseMirror(
      '<table><tr><td colspan="2">Dilemma</td></tr><tr><td>a</td><td><p>b</p><p>c</p></td><td>d</td></tr></table>',
    ).doc;
    const rows = doc.content![0].content!;
    expect(rows.map((row) => row.content!.length)).toEqual([3, 3]);
    expect(rows[1].content![1].content!.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('reads a Word table (MsoTableGrid, cells of MsoNormal paragraphs) into a table', () => {
    const word = `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b>Waarde<o:p></o:p></b></p></td>
  <td width=302 valign=top style='width:226.55pt'><p class=MsoNormal><b>Spanning<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=302 valign=top><p class=MsoNormal>Autonomie<o:p></o:p></p></td>
  <td width=302 valign=top><p class=MsoNormal>Veiligheid thuis<o:p></o:p></p></td>
 </tr>
</table>`;
    expect(markdownOf(word)).toBe('| **Waarde** | **Spanning** |\n| --- | --- |\n| Autonomie | Veiligheid thuis |\n');
  });

  it('does not throw on broken HTML and keeps its text', () => {
    const broken = [
      '<p>open <b>vet <i>schuin</p> verder',
      '<ul><li>een<li>twee</ul></ol></div>',
      '<<<>>> <a href=',
      '<h2><p>kop met blok</p></h2>',
      '<table><td>cel',
      '<!-- nooit gesloten',
      '</p></p>tekst<p',
      '<li>los</li>',
    ];
    for (const html of broken) expect(() => htmlToProseMirror(html)).not.toThrow();
    expect(markdownOf('<p>open <b>vet <i>schuin</p> verder')).toBe('open **vet _schuin_**\n\nverder\n');
    expect(markdownOf('<ul><li>een<li>twee</ul></ol></div>')).toBe('- een\n- twee\n');
    expect(markdownOf('<h2><p>kop met blok</p></h2>')).toBe('## kop met blok\n');
    expect(markdownOf('<h2>Kop<p>tekst <b>vet</div><ul><li>een<li>twee')).toBe(
      '## Kop\n\ntekst **vet**\n\n- **een**\n- **twee**\n',
    );
    expect(htmlToProseMirror('').doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('writes marks in schema order and merges equal neighbours', () => {
    const doc = htmlToProseMirror('<p><i><b>a</b></i><strong>b</strong> <a href="https://x.nl"><b>c</b></a></p>').doc;
    const paragraph = doc.content![0] as PMNode;
    expect(paragraph.content).toEqual([
      { type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: 'b', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'c', marks: [{ type: 'link', attrs: { href: 'https://x.nl' } }, { type: 'bold' }] },
    ]);
  });
});
