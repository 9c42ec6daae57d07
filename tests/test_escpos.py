"""ESC/POS receipts: the byte stream exactly, column layout with Chinese, and delivery to a file and a TCP port."""

from __future__ import annotations

import socket
import threading

from pharmadesk.reports import escpos


def test_escpos_bytes_exactly():
    data = escpos.escpos_bytes(["PharmaDesk", "药房 12.50"])
    assert data == (b"\x1b@" + b"\x1c&" + b"PharmaDesk\n" + "药房".encode("gb18030") + b" 12.50\n"
                    + b"\x1bd\x04" + b"\x1dV\x00")
    assert "药房".encode("gb18030") == b"\xd2\xa9\xb7\xbf"
    assert escpos.escpos_bytes([], cut=False) == b"\x1b@\x1c&"


def test_columns_count_chinese_as_two():
    assert escpos.text_width("阿莫西林") == 8
    line = escpos.two_columns("阿莫西林胶囊", "12.50", 20)
    assert escpos.text_width(line) == 20 and line.endswith("12.50") and line.startswith("阿莫西林胶囊")
    assert escpos.fit("阿莫西林", 5) == "阿莫"
    assert escpos.centred("合计", 10) == "   合计"


def test_parse_target():
    assert escpos.parse_target("192.168.1.50:9100") == ("tcp", "192.168.1.50:9100")
    assert escpos.parse_target("printer.local:9100") == ("tcp", "printer.local:9100")
    assert escpos.parse_target("/dev/usb/lp0") == ("path", "/dev/usb/lp0")
    assert escpos.parse_target(r"C:\receipts\out.bin") == ("path", r"C:\receipts\out.bin")


def test_send_to_a_file_and_a_tcp_port(tmp_path):
    target = tmp_path / "lp0"
    escpos.send_escpos(b"abc", str(target))
    assert target.read_bytes() == b"abc"

    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    received = []

    def accept():
        conn, _ = server.accept()
        with conn:
            chunks = []
            while chunk := conn.recv(4096):
                chunks.append(chunk)
            received.append(b"".join(chunks))

    thread = threading.Thread(target=accept)
    thread.start()
    escpos.send_escpos(b"\x1b@hello\n", f"127.0.0.1:{port}")
    thread.join(5)
    server.close()
    assert received == [b"\x1b@hello\n"]
