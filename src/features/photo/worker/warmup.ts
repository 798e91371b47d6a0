/**
 * The picture the photo worker checks once to warm up: a drawn head and shoulders on the light-blue background,
 * enough for the face model to find a face, so both of its stages (detection and landmarks) and the measuring code
 * run once before the candidate's first photo. Drawn here, at run time: no photo of anyone ships with the app.
 */
export const WARMUP_SIZE = { width: 240, height: 320 };

export async function warmupPicture(): Promise<Uint8Array> {
  const c = new OffscreenCanvas(WARMUP_SIZE.width, WARMUP_SIZE.height);
  const g = c.getContext('2d')!;
  g.fillStyle = 'rgb(100,197,255)';
  g.fillRect(0, 0, c.width, c.height);
  g.fillStyle = '#2d3e55'; // shoulders
  g.beginPath();
  g.ellipse(120, 330, 110, 70, 0, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#d9a988'; // neck
  g.fillRect(100, 200, 40, 50);
  const skin = g.createRadialGradient(120, 140, 10, 120, 150, 70);
  skin.addColorStop(0, '#f2cfb0');
  skin.addColorStop(1, '#c98f6c');
  g.fillStyle = skin; // face
  g.beginPath();
  g.ellipse(120, 145, 50, 65, 0, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#2a1d12'; // hair
  g.beginPath();
  g.ellipse(120, 100, 55, 32, 0, Math.PI, 0);
  g.fill();
  g.strokeStyle = '#3a2a1a'; // brows
  g.lineWidth = 4;
  g.beginPath();
  g.moveTo(88, 120);
  g.lineTo(110, 118);
  g.moveTo(130, 118);
  g.lineTo(152, 120);
  g.stroke();
  for (const x of [100, 140]) { // eyes
    g.fillStyle = '#fff';
    g.beginPath();
    g.ellipse(x, 135, 10, 5, 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#2b1a10';
    g.beginPath();
    g.arc(x, 135, 4, 0, Math.PI * 2);
    g.fill();
  }
  g.strokeStyle = '#a8705a'; // nose
  g.lineWidth = 3;
  g.beginPath();
  g.moveTo(120, 140);
  g.lineTo(114, 165);
  g.lineTo(124, 167);
  g.stroke();
  g.strokeStyle = '#9e4a3a'; // mouth
  g.lineWidth = 4;
  g.beginPath();
  g.moveTo(104, 182);
  g.quadraticCurveTo(120, 190, 136, 182);
  g.stroke();
  const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new Uint8Array(await blob.arrayBuffer());
}
