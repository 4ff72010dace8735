"""The image grid shared by feature maps, filters and galleries: layout, colour scaling, clicks."""

import numpy as np
import pytest

from playground.ui.widgets.image_grid import ImageGrid, plan_layout
from playground.ui.widgets.plot_style import DIVERGING_COLOURMAP, lookup_table


@pytest.mark.parametrize("count,tile,view", [(16, 5, (500, 300)), (32, 7, (600, 400)), (24, 28, (480, 520)),
                                             (1, 28, (90, 120)), (100, 3, (300, 300))])
def test_layout_fits_every_tile_with_room_for_captions(count, tile, view):
    lay = plan_layout(count, tile, tile, *view, caption_w=40, caption_h=14)
    assert lay.columns * lay.rows >= count and lay.rows == -(-count // lay.columns)
    assert lay.pitch_x >= tile and lay.pitch_y > tile
    y, x = lay.origin(count - 1)
    assert y + tile <= lay.shape[0] and x + tile <= lay.shape[1]


def test_tiles_are_coloured_and_clickable(qtbot):
    grid = ImageGrid(DIVERGING_COLOURMAP, scale="symmetric", colour_bar=True)
    qtbot.addWidget(grid)
    grid.resize(400, 300)
    grid.show()
    tiles = np.zeros((6, 5, 5), np.float32)
    tiles[2, 0, 0] = -2.0
    tiles[3, 0, 0] = 1.0
    grid.set_images(tiles, captions=[f"{k}" for k in range(6)])
    assert grid.levels == (-2.0, 2.0)  # symmetric: 0 stays in the middle of the map
    mosaic = grid.image.image
    y, x = grid.layout_plan.origin(0)
    white = lookup_table(DIVERGING_COLOURMAP)[127]
    assert np.abs(mosaic[y + 2, x + 2, :3].astype(int) - white[:3]).max() <= 3  # 0 is (nearly) white
    assert grid.captions == ["0", "1", "2", "3", "4", "5"]
    with qtbot.waitSignal(grid.tile_clicked) as clicked:
        grid.click_tile(4)
    assert clicked.args == [4]
    centre = grid.tile_rect(3).center()
    assert grid.tile_at_view(centre) == 3
    # between tiles: nothing
    lay = grid.layout_plan
    assert grid.tile_at_view(centre + type(centre)(0, lay.tile_h / 2 + 0.5)) is None
    grid.clear_images("nothing yet")
    assert grid.count == 0 and grid.placeholder.isVisible()


def test_each_tile_stretched_to_its_own_range(qtbot):
    grid = ImageGrid(scale="each")
    qtbot.addWidget(grid)
    faint = np.zeros((2, 4, 4))
    faint[0, 0, 0] = 0.001  # a faint tile still uses the whole colour map
    faint[1, 0, 0] = 100.0
    grid.set_images(faint)
    mosaic = grid.image.image
    a = grid.layout_plan.origin(0)
    b = grid.layout_plan.origin(1)
    assert (mosaic[a[0], a[1]] == mosaic[b[0], b[1]]).all()
